using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kite.Data.Migrations
{
    /// <inheritdoc />
    public partial class KeyValueStoreAndLabelsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kv",
                columns: table => new
                {
                    @namespace = table.Column<string>(name: "namespace", type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "jsonb", nullable: false),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    expiration_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kv", x => new { x.@namespace, x.key });
                });

            migrationBuilder.CreateIndex(
                name: "ix_executions_labels",
                table: "executions",
                column: "labels")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_kv_expiration_date",
                table: "kv",
                column: "expiration_date");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kv");

            migrationBuilder.DropIndex(
                name: "ix_executions_labels",
                table: "executions");
        }
    }
}
