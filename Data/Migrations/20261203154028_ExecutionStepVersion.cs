using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kite.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExecutionStepVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "step_version",
                table: "executions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "step_version",
                table: "executions");
        }
    }
}
