using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeRehab.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HomeTests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ChairStands",
                table: "CheckIns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StepDownsLeft",
                table: "CheckIns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StepDownsRight",
                table: "CheckIns",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChairStands",
                table: "CheckIns");

            migrationBuilder.DropColumn(
                name: "StepDownsLeft",
                table: "CheckIns");

            migrationBuilder.DropColumn(
                name: "StepDownsRight",
                table: "CheckIns");
        }
    }
}
