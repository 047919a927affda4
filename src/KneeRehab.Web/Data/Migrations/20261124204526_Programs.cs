using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeRehab.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Programs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "BadKneeDay",
                table: "Workouts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "EnrollmentId",
                table: "Workouts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Level",
                table: "WorkoutExercises",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Prescribed_HoldSeconds",
                table: "WorkoutExercises",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Prescribed_Level",
                table: "WorkoutExercises",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Prescribed_LoadKg",
                table: "WorkoutExercises",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Prescribed_Reps",
                table: "WorkoutExercises",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Prescribed_Sets",
                table: "WorkoutExercises",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Enrollments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ProgramSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BaselineMorningPain = table.Column<int>(type: "INTEGER", nullable: false),
                    PhaseIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    PhaseStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PhaseRepeats = table.Column<int>(type: "INTEGER", nullable: false),
                    StoppedFor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StoppedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enrollments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Enrollments_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Workouts_EnrollmentId",
                table: "Workouts",
                column: "EnrollmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Enrollments_UserId",
                table: "Enrollments",
                column: "UserId",
                unique: true,
                filter: "\"EndedOn\" IS NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_Workouts_Enrollments_EnrollmentId",
                table: "Workouts",
                column: "EnrollmentId",
                principalTable: "Enrollments",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Workouts_Enrollments_EnrollmentId",
                table: "Workouts");

            migrationBuilder.DropTable(
                name: "Enrollments");

            migrationBuilder.DropIndex(
                name: "IX_Workouts_EnrollmentId",
                table: "Workouts");

            migrationBuilder.DropColumn(
                name: "BadKneeDay",
                table: "Workouts");

            migrationBuilder.DropColumn(
                name: "EnrollmentId",
                table: "Workouts");

            migrationBuilder.DropColumn(
                name: "Level",
                table: "WorkoutExercises");

            migrationBuilder.DropColumn(
                name: "Prescribed_HoldSeconds",
                table: "WorkoutExercises");

            migrationBuilder.DropColumn(
                name: "Prescribed_Level",
                table: "WorkoutExercises");

            migrationBuilder.DropColumn(
                name: "Prescribed_LoadKg",
                table: "WorkoutExercises");

            migrationBuilder.DropColumn(
                name: "Prescribed_Reps",
                table: "WorkoutExercises");

            migrationBuilder.DropColumn(
                name: "Prescribed_Sets",
                table: "WorkoutExercises");
        }
    }
}
