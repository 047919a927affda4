using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeRehab.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EntriesByDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WorkoutExercises_UserId_Date",
                table: "WorkoutExercises",
                columns: new[] { "UserId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkoutExercises_UserId_Date",
                table: "WorkoutExercises");
        }
    }
}
