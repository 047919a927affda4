using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Outcomes;
using KneeRehab.Web.Programs;
using KneeRehab.Web.Training;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Clinic;

/// <summary>What needs a physiotherapist's attention about one patient, most urgent first.</summary>
public enum Attention
{
    WarningSign,
    StoppedForReview,
    PainfulWorkouts,
    PainRising,
    NoteWaiting,
    MissedWorkouts,
    CheckInDue,
}

/// <summary>One row of the caseload: the patient, their program and what needs attention.</summary>
public sealed record CaseloadRow(
    string PatientId,
    string Patient,
    string? Program,
    ProgramStatus? Status,
    DateOnly? LastWorkout,
    Adherence? LastTwoWeeks,
    IReadOnlyList<Attention> Flags)
{
    /// <summary>The order of "needs attention first": the most urgent flag, then how many.</summary>
    public (int, int) Urgency => (Flags.Count == 0 ? int.MaxValue : (int)Flags.Min(), -Flags.Count);
}

/// <summary>
/// The physiotherapist's caseload, read in a handful of queries over all their patients at once (not one per patient):
/// the latest program of each, and two weeks of workouts and the latest check-in, so the cost follows the number of
/// patients, not their years of data.
/// </summary>
public static class Caseload
{
    public const int AdherenceDays = 14;

    /// <summary>Below this share of the last two weeks' planned workouts, "missed workouts" is flagged.</summary>
    public const double MissedBelowPercent = 50;

    /// <summary>Workouts of the last two weeks with pain above the acceptable limit that flag "painful workouts".</summary>
    public const int PainfulWorkoutsFlagged = 2;

    public static string InWords(this Attention flag) => flag switch
    {
        Attention.WarningSign => "Warning sign reported",
        Attention.StoppedForReview => "Stopped for a review",
        Attention.PainfulWorkouts => "Painful workouts",
        Attention.PainRising => "Morning pain rising",
        Attention.NoteWaiting => "Note from the patient",
        Attention.MissedWorkouts => "Missed workouts",
        _ => "Check-in due",
    };

    public static async Task<IReadOnlyList<CaseloadRow>> ReadAsync(KneeRehabDbContext db, ContentSnapshot content, TimeProvider clock, string physioId, ProgressionOptions options)
    {
        var patients = db.PatientsOf(physioId);
        var people = await db.Users.AsNoTracking().Where(u => patients.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.TimeZoneId }).ToListAsync();
        var enrollments = await db.Enrollments.AsNoTracking()
            .Where(e => patients.Contains(e.UserId) && !db.Enrollments.Any(later => later.UserId == e.UserId && later.Id > e.Id))
            .ToDictionaryAsync(e => e.UserId);
        var programs = await db.FindProgramsAsync(content, enrollments.Values.Select(e => e.ProgramSlug));
        var since = clock.Today().AddDays(-AdherenceDays - 1);
        var recent = (await db.Workouts.AsNoTracking().Where(w => patients.Contains(w.UserId) && w.Date >= since)
            .Select(w => new { w.UserId, w.Date, w.EnrollmentId, w.PainNextMorning, PainDuring = w.Exercises.Max(e => e.PainDuring) }).ToListAsync()).ToLookup(w => w.UserId);
        var lastWorkouts = await db.Workouts.Where(w => patients.Contains(w.UserId)).GroupBy(w => w.UserId)
            .Select(g => new { g.Key, Last = g.Max(w => w.Date) }).ToDictionaryAsync(g => g.Key, g => g.Last);
        var lastCheckIns = await db.CheckIns.Where(c => patients.Contains(c.UserId)).GroupBy(c => c.UserId)
            .Select(g => new { g.Key, Last = g.Max(c => c.Date) }).ToDictionaryAsync(g => g.Key, g => g.Last);
        // A thread whose newest note is the patient's waits for the physiotherapist.
        var noteWaiting = (await db.CareMessages
            .Where(m => !m.FromPhysio && !db.CareMessages.Any(later => later.CareLinkId == m.CareLinkId && later.Id > m.Id))
            .Join(db.CareLinks.Where(l => l.PhysioId == physioId && l.EndedUtc == null), m => m.CareLinkId, l => l.Id, (m, l) => l.PatientId)
            .ToListAsync()).ToHashSet();

        var rows = new List<CaseloadRow>();
        foreach (var person in people)
        {
            var today = clock.TodayIn(person.TimeZoneId);
            var flags = new List<Attention>();
            var enrollment = enrollments.GetValueOrDefault(person.Id);
            var program = enrollment is null ? null : programs.GetValueOrDefault(enrollment.ProgramSlug);
            if (enrollment?.Status == ProgramStatus.Paused) flags.Add(Attention.WarningSign);
            if (enrollment?.Status == ProgramStatus.StoppedForReview) flags.Add(Attention.StoppedForReview);

            var workouts = recent[person.Id].ToList();
            if (workouts.Count(w => w.Date > today.AddDays(-AdherenceDays) && w.PainDuring > options.AmberPainMax) >= PainfulWorkoutsFlagged) flags.Add(Attention.PainfulWorkouts);
            var mornings = (Now: Mean(workouts.Where(w => w.Date > today.AddDays(-7)).Select(w => w.PainNextMorning)),
                Before: Mean(workouts.Where(w => w.Date <= today.AddDays(-7) && w.Date > today.AddDays(-AdherenceDays)).Select(w => w.PainNextMorning)));
            if (mornings is { Now: { } now, Before: { } before } && now - before >= options.WeeklyRise - 1e-9) flags.Add(Attention.PainRising);
            if (noteWaiting.Contains(person.Id)) flags.Add(Attention.NoteWaiting);

            Adherence? adherence = null;
            if (enrollment is { Status: ProgramStatus.Active } && program is not null)
            {
                var from = today.AddDays(-AdherenceDays + 1);
                var start = enrollment.StartedOn > from ? enrollment.StartedOn : from;
                adherence = Adherence.Calculate(program.PlannedDays(enrollment.StartedOn, today), workouts.Where(w => w.EnrollmentId == enrollment.Id).Select(w => w.Date), start, today, today);
                if (adherence.Percentage < MissedBelowPercent) flags.Add(Attention.MissedWorkouts);
            }
            var lastCheckIn = lastCheckIns.TryGetValue(person.Id, out var checkedIn) ? checkedIn : (DateOnly?)null;
            if (enrollment is { Status: ProgramStatus.Active } && (lastCheckIn is null || lastCheckIn <= today.AddDays(-7))) flags.Add(Attention.CheckInDue);

            rows.Add(new CaseloadRow(person.Id, person.Email ?? person.Id, program?.Meta.Title ?? enrollment?.ProgramSlug, enrollment?.Status,
                lastWorkouts.TryGetValue(person.Id, out var last) ? last : null, adherence, flags));
        }
        return rows;
    }

    private static double? Mean(IEnumerable<int?> values)
    {
        var known = values.OfType<int>().ToList();
        return known.Count == 0 ? null : known.Average();
    }
}
