using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kite.Data.Migrations
{
    /// <inheritdoc />
    public partial class EngineState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_task_runs_execution_id_start_date",
                table: "task_runs");

            migrationBuilder.AddColumn<int>(
                name: "position",
                table: "task_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    destination = table.Column<string>(type: "text", nullable: false),
                    message_type = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_task_runs_execution_id_position",
                table: "task_runs",
                columns: new[] { "execution_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_created_at",
                table: "outbox",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropIndex(
                name: "ix_task_runs_execution_id_position",
                table: "task_runs");

            migrationBuilder.DropColumn(
                name: "position",
                table: "task_runs");

            migrationBuilder.CreateIndex(
                name: "ix_task_runs_execution_id_start_date",
                table: "task_runs",
                columns: new[] { "execution_id", "start_date" });
        }
    }
}
