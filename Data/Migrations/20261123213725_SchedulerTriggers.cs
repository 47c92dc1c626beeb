using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kite.Data.Migrations
{
    /// <inheritdoc />
    public partial class SchedulerTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_triggers_next_execution_date",
                table: "triggers");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "locked_at",
                table: "triggers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "preconditions",
                table: "triggers",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_triggers_backfill",
                table: "triggers",
                column: "updated_at",
                filter: "backfill IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_triggers_due",
                table: "triggers",
                column: "next_execution_date",
                filter: "execution_id IS NULL AND disabled = false AND evaluate_running_date IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_triggers_type",
                table: "triggers",
                column: "type");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_triggers_backfill",
                table: "triggers");

            migrationBuilder.DropIndex(
                name: "ix_triggers_due",
                table: "triggers");

            migrationBuilder.DropIndex(
                name: "ix_triggers_type",
                table: "triggers");

            migrationBuilder.DropColumn(
                name: "locked_at",
                table: "triggers");

            migrationBuilder.DropColumn(
                name: "preconditions",
                table: "triggers");

            migrationBuilder.CreateIndex(
                name: "ix_triggers_next_execution_date",
                table: "triggers",
                column: "next_execution_date");
        }
    }
}
