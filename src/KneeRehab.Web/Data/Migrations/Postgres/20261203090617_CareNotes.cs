using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KneeRehab.Web.Data.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CareMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CareLinkId = table.Column<int>(type: "integer", nullable: false),
                    FromPhysio = table.Column<bool>(type: "boolean", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
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
