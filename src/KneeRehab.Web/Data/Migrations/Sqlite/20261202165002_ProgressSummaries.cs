using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeRehab.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgressSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExerciseSummaries",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExerciseSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    BestSets = table.Column<int>(type: "INTEGER", nullable: false),
                    BestReps = table.Column<int>(type: "INTEGER", nullable: false),
                    BestHold = table.Column<int>(type: "INTEGER", nullable: false),
                    BestLoadKg = table.Column<double>(type: "REAL", nullable: false),
                    HighestLevel = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExerciseSummaries", x => new { x.UserId, x.Period, x.Start, x.ExerciseSlug, x.Side });
                    table.ForeignKey(
                        name: "FK_ExerciseSummaries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PainSummaries",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HighestPain = table.Column<int>(type: "INTEGER", nullable: false),
                    HighestNextMorning = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PainSummaries", x => new { x.UserId, x.Period, x.Start });
                    table.ForeignKey(
                        name: "FK_PainSummaries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The summaries of the history already logged (Period 1 = the week from Monday, 2 = the month).
            // Dates are stored as yyyy-MM-dd text; strftime('%w') is 0 on Sundays.
            const string start = "CASE p.Period WHEN 1 THEN date({0}, '-' || ((CAST(strftime('%w', {0}) AS INTEGER) + 6) % 7) || ' days') ELSE date({0}, 'start of month') END";
            migrationBuilder.Sql($"""
                INSERT INTO "ExerciseSummaries" ("UserId", "Period", "Start", "ExerciseSlug", "Side", "BestSets", "BestReps", "BestHold", "BestLoadKg", "HighestLevel")
                SELECT e."UserId", p.Period, {string.Format(System.Globalization.CultureInfo.InvariantCulture, start, "e.\"Date\"")}, e."ExerciseSlug", e."Side",
                    MAX((SELECT COUNT(*) FROM "LoggedSets" s WHERE s."WorkoutExerciseId" = e."Id")),
                    MAX((SELECT COALESCE(SUM(s."Reps"), 0) FROM "LoggedSets" s WHERE s."WorkoutExerciseId" = e."Id")),
                    MAX((SELECT COALESCE(MAX(s."HoldSeconds"), 0) FROM "LoggedSets" s WHERE s."WorkoutExerciseId" = e."Id")),
                    MAX((SELECT COALESCE(MAX(s."LoadKg"), 0) FROM "LoggedSets" s WHERE s."WorkoutExerciseId" = e."Id")),
                    MAX(e."Level")
                FROM "WorkoutExercises" e CROSS JOIN (SELECT 1 AS Period UNION ALL SELECT 2) p
                GROUP BY 1, 2, 3, 4, 5;
                """);
            migrationBuilder.Sql($"""
                INSERT INTO "PainSummaries" ("UserId", "Period", "Start", "HighestPain", "HighestNextMorning")
                SELECT w."UserId", p.Period, {string.Format(System.Globalization.CultureInfo.InvariantCulture, start, "w.\"Date\"")},
                    COALESCE(MAX((SELECT MAX(e."PainDuring") FROM "WorkoutExercises" e WHERE e."WorkoutId" = w."Id")), 0),
                    MAX(w."PainNextMorning")
                FROM "Workouts" w CROSS JOIN (SELECT 1 AS Period UNION ALL SELECT 2) p
                GROUP BY 1, 2, 3;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExerciseSummaries");

            migrationBuilder.DropTable(
                name: "PainSummaries");
        }
    }
}
