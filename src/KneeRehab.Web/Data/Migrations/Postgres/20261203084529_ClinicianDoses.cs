using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KneeRehab.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClinicianDoses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClinicianDoses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnrollmentId = table.Column<int>(type: "integer", nullable: false),
                    PhysioId = table.Column<string>(type: "text", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExerciseSlug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Dose_HoldSeconds = table.Column<int>(type: "integer", nullable: false),
                    Dose_Level = table.Column<int>(type: "integer", nullable: false),
                    Dose_LoadKg = table.Column<double>(type: "double precision", nullable: false),
                    Dose_Reps = table.Column<int>(type: "integer", nullable: false),
                    Dose_Sets = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClinicianDoses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClinicianDoses_AspNetUsers_PhysioId",
                        column: x => x.PhysioId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClinicianDoses_Enrollments_EnrollmentId",
                        column: x => x.EnrollmentId,
                        principalTable: "Enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClinicianDoses_EnrollmentId_Date",
                table: "ClinicianDoses",
                columns: new[] { "EnrollmentId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ClinicianDoses_PhysioId",
                table: "ClinicianDoses",
                column: "PhysioId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClinicianDoses");
        }
    }
}
