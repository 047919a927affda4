using System.Globalization;
using CsvHelper;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Programs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Pages.Progress;

/// <summary>
/// A patient's data to take away: every set as CSV (for a spreadsheet), everything as JSON (the
/// personal-data download), and the program's workout days as an iCalendar file for reminders.
/// </summary>
public class ExportModel(KneeRehabDbContext db, ContentLibrary content, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public bool HasProgram { get; private set; }

    public async Task OnGetAsync() =>
        HasProgram = await db.Enrollments.AnyAsync(e => e.UserId == users.GetUserId(User) && e.EndedOn == null);

    /// <summary>
    /// One row per set, streamed as the rows are read: memory and the wait for the first byte stay the same
    /// however many years of sets there are. Cells that a spreadsheet would run as a formula (=, +, -, @) are escaped.
    /// </summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        var userId = users.GetUserId(User)!;
        var rows = (from set in db.LoggedSets
                    join entry in db.WorkoutExercises on set.WorkoutExerciseId equals entry.Id
                    join workout in db.Workouts on entry.WorkoutId equals workout.Id
                    where entry.UserId == userId
                    orderby entry.Date, entry.WorkoutId, entry.Position, set.Number
                    select new { entry.Date, entry.WorkoutId, entry.ExerciseSlug, entry.Side, set.Number, set.Reps, set.HoldSeconds, set.LoadKg,
                        entry.PainDuring, entry.FormOk, workout.PainNextMorning, entry.Note, workout.Notes })
            .AsNoTracking().AsAsyncEnumerable();

        var cancel = HttpContext.RequestAborted;
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=kneerehab-workouts.csv";
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };
        await using var csv = CsvWriter.Create(Response.Body, options, leaveOpen: true);
        csv.WriteHeader(SetRow.Columns);
        await foreach (var r in rows.WithCancellation(cancel))
            await csv.WriteRecordAsync(new SetRow(r.Date, r.WorkoutId, r.ExerciseSlug, r.Side.ToString().ToLowerInvariant(), r.Number, r.Reps, r.HoldSeconds, r.LoadKg,
                r.PainDuring, r.FormOk, r.PainNextMorning, r.Note, r.Notes).Fields(), cancel);
        await csv.FlushAsync(cancel);
        return new EmptyResult();
    }

    /// <summary>The active program's remaining workout days, spaced as the program asks, as all-day events.</summary>
    public async Task<IActionResult> OnGetCalendarAsync()
    {
        var userId = users.GetUserId(User)!;
        var enrollment = await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.UserId == userId && e.EndedOn == null);
        if (enrollment is null || await db.FindProgramAsync(content.Current, enrollment.ProgramSlug) is not { } program) return NotFound();

        var calendar = new Ical.Net.Calendar();
        calendar.AddProperty("X-WR-CALNAME", $"KneeRehab: {program.Meta.Title}");
        var today = await db.TodayForAsync(clock, userId);
        // The phase the patient is in, with any swap their physiotherapist made in it; later phases as the program plans them.
        var current = program.Meta.Phases[Math.Clamp(enrollment.PhaseIndex, 0, program.Meta.Phases.Count - 1)];
        var currentExercises = ProgramRecord.ExercisesOf(current, enrollment.PhaseIndex, await ProgramRecord.SwapsInAsync(db, enrollment.Id, enrollment.PhaseIndex), content.Current);
        foreach (var day in program.PlannedDays(enrollment.StartedOn, DateOnly.MaxValue))
        {
            if (day < today) continue;
            var week = (day.DayNumber - enrollment.StartedOn.DayNumber) / 7 + 1;
            var phase = program.PhaseOfWeek(week);
            var exercises = phase == current ? currentExercises : phase.Exercises;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"kneerehab-{enrollment.Id}-{day:yyyyMMdd}",
                Summary = $"KneeRehab: {program.Meta.Title} workout",
                Description = $"Week {week}, {phase.Name}: " + string.Join(", ", exercises.Select(e => content.Current.FindGuide(e.Slug)?.Meta.Title ?? e.Slug))
                    + ". Open Today in KneeRehab for your exact dose.",
                Start = new CalDateTime(day.Year, day.Month, day.Day),
                End = new CalDateTime(day.Year, day.Month, day.Day).AddDays(1),
            });
        }
        var ics = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "kneerehab-program.ics");
    }

    public sealed record SetRow(DateOnly Date, int WorkoutId, string Exercise, string Side, int Set, int Reps, int? HoldSeconds, double? LoadKg,
        int? PainDuring, bool FeltRight, int? PainNextMorning, string? ExerciseNote, string? WorkoutNotes)
    {
        public static readonly string[] Columns =
            ["date", "workout", "exercise", "side", "set", "reps", "hold_seconds", "load_kg", "pain_during", "felt_right", "pain_next_morning", "exercise_note", "workout_notes"];

        public string[] Fields() =>
        [
            Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Invariant(WorkoutId), Exercise, Side, Invariant(Set), Invariant(Reps),
            Invariant(HoldSeconds), Invariant(LoadKg), Invariant(PainDuring), FeltRight ? "true" : "false", Invariant(PainNextMorning),
            ExerciseNote ?? "", WorkoutNotes ?? "",
        ];

        private static string Invariant(IFormattable? value) => value?.ToString(null, CultureInfo.InvariantCulture) ?? "";
    }
}
