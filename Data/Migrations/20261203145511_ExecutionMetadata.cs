using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kite.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExecutionMetadata : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "original_created_date",
                table: "executions",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "original_created_date",
                table: "executions");
        }
    }
}
