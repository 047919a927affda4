using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeRehab.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CareNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PatientReadUtc",
                table: "CareLinks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CareMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CareLinkId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromPhysio = table.Column<bool>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareMessages_CareLinks_CareLinkId",
                        column: x => x.CareLinkId,
                        principalTable: "CareLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CareMessages_CareLinkId_AtUtc",
                table: "CareMessages",
                columns: new[] { "CareLinkId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CareMessages");

            migrationBuilder.DropColumn(
                name: "PatientReadUtc",
                table: "CareLinks");
        }
    }
}
