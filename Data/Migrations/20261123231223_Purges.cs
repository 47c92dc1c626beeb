using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kite.Data.Migrations
{
    /// <inheritdoc />
    public partial class Purges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "purges",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    request = table.Column<string>(type: "jsonb", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    executions_count = table.Column<long>(type: "bigint", nullable: false),
                    logs_count = table.Column<long>(type: "bigint", nullable: false),
                    metrics_count = table.Column<long>(type: "bigint", nullable: false),
                    storages_count = table.Column<long>(type: "bigint", nullable: false),
                    batches = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purges", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_purges_state_updated_at",
                table: "purges",
                columns: new[] { "state", "updated_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "purges");
        }
    }
}
