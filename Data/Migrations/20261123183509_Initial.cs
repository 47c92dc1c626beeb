using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kite.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "executions",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    @namespace = table.Column<string>(name: "namespace", type: "text", nullable: false),
                    flow_id = table.Column<string>(type: "text", nullable: false),
                    flow_revision = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    start_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    end_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    duration_ms = table.Column<long>(type: "bigint", nullable: true),
                    schedule_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    inputs = table.Column<string>(type: "jsonb", nullable: true),
                    outputs = table.Column<string>(type: "jsonb", nullable: true),
                    variables = table.Column<string>(type: "jsonb", nullable: true),
                    labels = table.Column<string>(type: "jsonb", nullable: true),
                    trigger = table.Column<string>(type: "jsonb", nullable: true),
                    state_history = table.Column<string>(type: "jsonb", nullable: true),
                    parent_id = table.Column<string>(type: "text", nullable: true),
                    original_id = table.Column<string>(type: "text", nullable: true),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    deleted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_executions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "flows",
                columns: table => new
                {
                    @namespace = table.Column<string>(name: "namespace", type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    model = table.Column<string>(type: "jsonb", nullable: true),
                    deleted = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flows", x => new { x.@namespace, x.id, x.revision });
                });

            migrationBuilder.CreateTable(
                name: "logs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    @namespace = table.Column<string>(name: "namespace", type: "text", nullable: false),
                    flow_id = table.Column<string>(type: "text", nullable: false),
                    execution_id = table.Column<string>(type: "text", nullable: true),
                    task_run_id = table.Column<string>(type: "text", nullable: true),
                    task_id = table.Column<string>(type: "text", nullable: true),
                    trigger_id = table.Column<string>(type: "text", nullable: true),
                    attempt = table.Column<int>(type: "integer", nullable: true),
                    timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    level = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    deleted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_logs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "metrics",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    @namespace = table.Column<string>(name: "namespace", type: "text", nullable: false),
                    flow_id = table.Column<string>(type: "text", nullable: false),
                    execution_id = table.Column<string>(type: "text", nullable: false),
                    task_run_id = table.Column<string>(type: "text", nullable: true),
                    task_id = table.Column<string>(type: "text", nullable: true),
                    name = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    tags = table.Column<string>(type: "jsonb", nullable: true),
                    timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metrics", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_instance",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    service_type = table.Column<string>(type: "text", nullable: false),
                    host = table.Column<string>(type: "text", nullable: false),
                    process_id = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    heartbeat_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_instance", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "task_runs",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    execution_id = table.Column<string>(type: "text", nullable: false),
                    parent_task_run_id = table.Column<string>(type: "text", nullable: true),
                    task_id = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true),
                    iteration = table.Column<int>(type: "integer", nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    state_history = table.Column<string>(type: "jsonb", nullable: true),
                    attempts = table.Column<string>(type: "jsonb", nullable: true),
                    outputs = table.Column<string>(type: "jsonb", nullable: true),
                    start_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    end_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "triggers",
                columns: table => new
                {
                    @namespace = table.Column<string>(name: "namespace", type: "text", nullable: false),
                    flow_id = table.Column<string>(type: "text", nullable: false),
                    trigger_id = table.Column<string>(type: "text", nullable: false),
                    flow_revision = table.Column<int>(type: "integer", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    next_execution_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    execution_id = table.Column<string>(type: "text", nullable: true),
                    evaluate_running_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    disabled = table.Column<bool>(type: "boolean", nullable: false),
                    backfill = table.Column<string>(type: "jsonb", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_triggers", x => new { x.@namespace, x.flow_id, x.trigger_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_executions_deleted_end_date",
                table: "executions",
                columns: new[] { "deleted", "end_date" });

            migrationBuilder.CreateIndex(
                name: "ix_executions_deleted_namespace_flow_id_start_date",
                table: "executions",
                columns: new[] { "deleted", "namespace", "flow_id", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_executions_deleted_parent_id",
                table: "executions",
                columns: new[] { "deleted", "parent_id" });

            migrationBuilder.CreateIndex(
                name: "ix_executions_deleted_start_date",
                table: "executions",
                columns: new[] { "deleted", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_executions_deleted_state_start_date",
                table: "executions",
                columns: new[] { "deleted", "state", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_flows_deleted_namespace_id",
                table: "flows",
                columns: new[] { "deleted", "namespace", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_logs_deleted_execution_id_timestamp",
                table: "logs",
                columns: new[] { "deleted", "execution_id", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_logs_deleted_namespace_flow_id_timestamp",
                table: "logs",
                columns: new[] { "deleted", "namespace", "flow_id", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_logs_deleted_timestamp",
                table: "logs",
                columns: new[] { "deleted", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_metrics_execution_id_timestamp",
                table: "metrics",
                columns: new[] { "execution_id", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_metrics_namespace_flow_id_timestamp",
                table: "metrics",
                columns: new[] { "namespace", "flow_id", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_service_instance_heartbeat_at",
                table: "service_instance",
                column: "heartbeat_at");

            migrationBuilder.CreateIndex(
                name: "ix_service_instance_service_type_state",
                table: "service_instance",
                columns: new[] { "service_type", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_task_runs_execution_id_start_date",
                table: "task_runs",
                columns: new[] { "execution_id", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_triggers_execution_id",
                table: "triggers",
                column: "execution_id");

            migrationBuilder.CreateIndex(
                name: "ix_triggers_next_execution_date",
                table: "triggers",
                column: "next_execution_date");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "executions");

            migrationBuilder.DropTable(
                name: "flows");

            migrationBuilder.DropTable(
                name: "logs");

            migrationBuilder.DropTable(
                name: "metrics");

            migrationBuilder.DropTable(
                name: "service_instance");

            migrationBuilder.DropTable(
                name: "task_runs");

            migrationBuilder.DropTable(
                name: "triggers");
        }
    }
}
