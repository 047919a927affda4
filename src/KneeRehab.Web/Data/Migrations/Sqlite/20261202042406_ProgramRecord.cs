using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeRehab.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgramRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Workouts_EnrollmentId",
                table: "Workouts");

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatusSince",
                table: "Enrollments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastActivityOn",
                table: "Enrollments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Enrollments",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Active");

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "Enrollments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZoneId",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProgramDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnrollmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkoutId = table.Column<int>(type: "INTEGER", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PhaseIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    ExerciseSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    RestDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Next_HoldSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Next_Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Next_LoadKg = table.Column<double>(type: "REAL", nullable: false),
                    Next_Reps = table.Column<int>(type: "INTEGER", nullable: false),
                    Next_Sets = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgramDecisions_Enrollments_EnrollmentId",
                        column: x => x.EnrollmentId,
                        principalTable: "Enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgramTransitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnrollmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    WorkoutId = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PhaseIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    PhaseStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PhaseRepeats = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgramTransitions_Enrollments_EnrollmentId",
                        column: x => x.EnrollmentId,
                        principalTable: "Enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Workouts_EnrollmentId_Date",
                table: "Workouts",
                columns: new[] { "EnrollmentId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramDecisions_EnrollmentId_Date",
                table: "ProgramDecisions",
                columns: new[] { "EnrollmentId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramDecisions_EnrollmentId_ExerciseSlug_Id",
                table: "ProgramDecisions",
                columns: new[] { "EnrollmentId", "ExerciseSlug", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramDecisions_WorkoutId",
                table: "ProgramDecisions",
                column: "WorkoutId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramTransitions_EnrollmentId_Date_AtUtc",
                table: "ProgramTransitions",
                columns: new[] { "EnrollmentId", "Date", "AtUtc" });

            // Programs that already ran keep their place: their status comes from the old columns, their
            // record opens with the steps the patient took, and ProgramRecordBackfill makes the decisions
            // from their workouts once at start-up.
            migrationBuilder.Sql("""
                UPDATE "Enrollments" SET
                    "Status" = CASE WHEN "EndedOn" IS NOT NULL THEN 'Ended' WHEN "StoppedFor" IS NOT NULL THEN 'Paused' ELSE 'Active' END,
                    "StatusReason" = "StoppedFor",
                    "StatusSince" = COALESCE("EndedOn", date("StoppedUtc"));
                INSERT INTO "ProgramTransitions" ("EnrollmentId", "Date", "AtUtc", "Kind", "PhaseIndex", "PhaseStartedOn", "PhaseRepeats", "Status")
                    SELECT "Id", "StartedOn", "StartedOn" || ' 00:00:00', 'Started', 0, "StartedOn", 0, 'Active' FROM "Enrollments";
                INSERT INTO "ProgramTransitions" ("EnrollmentId", "Date", "AtUtc", "Kind", "Reason", "PhaseIndex", "PhaseStartedOn", "PhaseRepeats", "Status")
                    SELECT "Id", "PhaseStartedOn", "PhaseStartedOn" || ' 00:00:01', 'CarriedOver', 'BEFORE_THE_RECORD', "PhaseIndex", "PhaseStartedOn", "PhaseRepeats", 'Active'
                    FROM "Enrollments" WHERE "PhaseIndex" > 0 OR "PhaseRepeats" > 0;
                INSERT INTO "ProgramTransitions" ("EnrollmentId", "Date", "AtUtc", "Kind", "Reason", "PhaseIndex", "PhaseStartedOn", "PhaseRepeats", "Status")
                    SELECT "Id", date("StoppedUtc"), "StoppedUtc", 'Paused', "StoppedFor", "PhaseIndex", "PhaseStartedOn", "PhaseRepeats", 'Paused'
                    FROM "Enrollments" WHERE "StoppedFor" IS NOT NULL AND "StoppedUtc" IS NOT NULL;
                INSERT INTO "ProgramTransitions" ("EnrollmentId", "Date", "AtUtc", "Kind", "Reason", "PhaseIndex", "PhaseStartedOn", "PhaseRepeats", "Status")
                    SELECT "Id", "EndedOn", "EndedOn" || ' 23:59:59', 'Ended', 'ENDED_BY_PATIENT', "PhaseIndex", "PhaseStartedOn", "PhaseRepeats", 'Ended'
                    FROM "Enrollments" WHERE "EndedOn" IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "StoppedFor",
                table: "Enrollments");

            migrationBuilder.DropColumn(
                name: "StoppedUtc",
                table: "Enrollments");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgramDecisions");

            migrationBuilder.DropTable(
                name: "ProgramTransitions");

            migrationBuilder.DropIndex(
                name: "IX_Workouts_EnrollmentId_Date",
                table: "Workouts");

            migrationBuilder.DropColumn(
                name: "LastActivityOn",
                table: "Enrollments");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Enrollments");

            migrationBuilder.DropColumn(
                name: "StatusReason",
                table: "Enrollments");

            migrationBuilder.DropColumn(
                name: "TimeZoneId",
                table: "AspNetUsers");

            migrationBuilder.RenameColumn(
                name: "StatusSince",
                table: "Enrollments",
                newName: "StoppedUtc");

            migrationBuilder.AddColumn<string>(
                name: "StoppedFor",
                table: "Enrollments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Workouts_EnrollmentId",
                table: "Workouts",
                column: "EnrollmentId");
        }
    }
}
