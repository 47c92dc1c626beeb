using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kite.Data.Migrations
{
    /// <inheritdoc />
    public partial class EngineControl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "concurrency_limits",
                columns: table => new
                {
                    @namespace = table.Column<string>(name: "namespace", type: "text", nullable: false),
                    flow_id = table.Column<string>(type: "text", nullable: false),
                    running = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_concurrency_limits", x => new { x.@namespace, x.flow_id });
                });

            migrationBuilder.CreateTable(
                name: "execution_queue",
                columns: table => new
                {
                    execution_id = table.Column<string>(type: "text", nullable: false),
                    @namespace = table.Column<string>(name: "namespace", type: "text", nullable: false),
                    flow_id = table.Column<string>(type: "text", nullable: false),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_execution_queue", x => x.execution_id);
                });

            migrationBuilder.CreateTable(
                name: "execution_timers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    execution_id = table.Column<string>(type: "text", nullable: false),
                    task_run_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_execution_timers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_execution_queue_namespace_flow_id_queued_at",
                table: "execution_queue",
                columns: new[] { "namespace", "flow_id", "queued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_execution_timers_due_at",
                table: "execution_timers",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_execution_timers_execution_id",
                table: "execution_timers",
                column: "execution_id");

            migrationBuilder.CreateIndex(
                name: "ix_execution_timers_task_run_id_kind_due_at",
                table: "execution_timers",
                columns: new[] { "task_run_id", "kind", "due_at" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "concurrency_limits");

            migrationBuilder.DropTable(
                name: "execution_queue");

            migrationBuilder.DropTable(
                name: "execution_timers");
        }
    }
}
