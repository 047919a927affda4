using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace KneeRehab.Web.Training;

/// <summary>
/// Decides the next dose of one exercise from its recent sessions (FACTS 3.3-3.5). It is pure: the clock is
/// part of the input and nothing else is read, so the same input always gives the same decision.
/// </summary>
public sealed class ProgressionEngine(ProgressionOptions options)
{
    private readonly ProgressionOptions _options = Validated(options);

    public ProgressionOptions Options => _options;

    // Weekly means are decimals: 4.1 - 3.1 is 0.9999999999999996 in binary floating point, and that is a rise of 1.
    private const double MeanTolerance = 1e-9;

    private static ProgressionOptions Validated(ProgressionOptions options)
    {
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        return options;
    }

    public SessionClass Classify(LoggedSession session, int baselineMorningPain, DateTime nowUtc) =>
        Assess(session, baselineMorningPain, nowUtc).Class;

    /// <summary>The session's traffic light and what kept it from green (FACTS 3.3).</summary>
    public SessionAssessment Assess(LoggedSession session, int baselineMorningPain, DateTime nowUtc)
    {
        CheckPain(baselineMorningPain, "baseline morning pain");
        CheckSession(session);
        var o = _options;
        var morning = session.PainNextMorning;

        var redReasons = new List<string>();
        if (session.PainDuring > o.AmberPainMax) redReasons.Add(Reason.RedPainDuring);
        if (morning >= baselineMorningPain + o.RedNextMorningRise) redReasons.Add(Reason.RedNextDay);
        if (redReasons.Count > 0)
        {
            var severe = session.PainDuring >= o.SeverePain || morning >= baselineMorningPain + o.SevereNextMorningRise;
            return new(SessionClass.Red, redReasons, severe);
        }

        // Order matters: the first reason is the one the message explains.
        var reasons = new List<string>();
        var pending = false;
        if (morning is null)
        {
            pending = nowUtc - session.LoggedUtc < TimeSpan.FromHours(o.PendingHours);
            // After the wait, "settled" is unknown, and unknown cannot be green (T11).
            reasons.Add(pending ? Reason.PendingNextMorning : Reason.NextMorningMissing);
        }
        if (session.PainDuring > o.GreenPainMax) reasons.Add(Reason.AmberPain);
        if (morning > baselineMorningPain + o.SettledRise) reasons.Add(Reason.NotSettled);
        if (session.Completion < 1) reasons.Add(Reason.Incomplete);
        if (session.Prescribed.HoldSeconds > 0)
        {
            // A hold that was not logged is not shown to be met (the log form stores a 0 s hold as "none").
            if (session.ShortestHoldSeconds is null) reasons.Add(Reason.HoldMissing);
            else if (session.ShortestHoldSeconds < session.Prescribed.HoldSeconds) reasons.Add(Reason.HoldShort);
        }
        if (!session.FormOk) reasons.Add(Reason.Form);

        var sessionClass = pending ? SessionClass.Pending : reasons.Count > 0 ? SessionClass.Amber : SessionClass.Green;
        return new(sessionClass, reasons);
    }

    /// <summary>The next dose of one exercise: the first rule of FACTS 3.4 that matches.</summary>
    public Decision Decide(EngineInput input)
    {
        CheckInput(input);
        var history = input.Recent
            .OrderByDescending(s => s.Date)
            .ThenByDescending(s => s.LoggedUtc)
            .Select(s => new AssessedSession(s, Assess(s, input.BaselineMorningPain, input.NowUtc)))
            .ToList();
        var context = new Context(input, history);

        return StopForRedFlags(input)
            ?? StopForReview(context)
            ?? (history.Count == 0 ? Hold(context, [Reason.NoHistory], $"Start at {context.Describe(input.Current)}.") : null)
            ?? (input.Ladder.Kind == LadderKind.Fixed ? FixedDose(context) : null)
            ?? StepDownAfterRed(context)
            ?? StepDownAfterGap(context)
            ?? StepDownAfterFailures(context)
            ?? HoldForWeeklyRise(context)
            ?? ProgressAfterGreens(context)
            ?? HoldUntilGreen(context);
    }

    private sealed record AssessedSession(LoggedSession Session, SessionAssessment Assessment)
    {
        public SessionClass Class => Assessment.Class;
    }

    private sealed record Context(EngineInput Input, List<AssessedSession> History)
    {
        public AssessedSession Last => History[0];

        public Dose Current => Input.Current;

        public string Describe(Dose dose) => dose.Describe(Input.Ladder.Kind);

        /// <summary>
        /// True when the current dose is already below the last session's: a step-down for that session was
        /// applied, and asking again (a page reloaded, a second call) must not step down a second time.
        /// </summary>
        public bool AlreadySteppedDown => Current.IsLowerThan(Last.Session.Prescribed);
    }

    // Rule 1: red flags are hard stops; the most urgent one sets the message.
    private static Decision? StopForRedFlags(EngineInput input)
    {
        if (input.RedFlags.Count == 0) return null;
        var flags = input.RedFlags
            .OrderBy(f => f.Urgency)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .Select(f => Reason.RedFlagPrefix + f.Code)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var message = input.RedFlags.Min(f => f.Urgency) switch
        {
            RedFlagUrgency.Emergency => "Stop and get emergency care now.",
            RedFlagUrgency.Urgent => "Stop and see a clinician within days.",
            _ => "Pause and book a review with your GP or physiotherapist.",
        };
        return new(DecisionKind.Stop, null, flags, message);
    }

    // Rule 2: the program-level stops of FACTS 2.5 D.
    private Decision? StopForReview(Context context)
    {
        var o = _options;
        var history = context.History;
        var means = context.Input.WeeklyMorningPainMeans;
        var triggers = new List<(string Reason, string Why)>();

        var peaks = context.Input.WorkoutPeakPains ?? [.. history.Select(h => h.Session.PainDuring)];
        if (peaks.Take(3).Count(pain => pain >= o.StopPain) >= 2)
            triggers.Add((Reason.PainAtStopLevelTwice, $"Pain reached {o.StopPain}/10 or more in two of your last 3 workouts"));
        if (means.Count >= 3 && RoseByWeeklyRise(means[1], means[0]) && RoseByWeeklyRise(means[2], means[1]))
            triggers.Add((Reason.MorningPainRisingTwoWeeks, "Your morning pain has gone up two weeks in a row"));
        if (history.Count >= 2
            && history[0].Class == SessionClass.Red
            && history[1].Class == SessionClass.Red
            && history[0].Session.Prescribed.IsLowerThan(history[1].Session.Prescribed))
            triggers.Add((Reason.RedAfterRegression, "Your knee hurt too much again even after stepping back"));

        if (triggers.Count == 0) return null;
        return new(
            DecisionKind.Stop,
            null,
            [Reason.StopReview, .. triggers.Select(t => t.Reason)],
            $"{triggers[0].Why}: pause and get assessed by your GP or physiotherapist before you carry on.");
    }

    private bool RoseByWeeklyRise(double before, double after) => after - before >= _options.WeeklyRise - MeanTolerance;

    // Ladder D never moves; a red session only skips it for two days (FACTS 3.5).
    private Decision FixedDose(Context context)
    {
        var current = context.Describe(context.Current);
        if (context.Last.Class != SessionClass.Red)
            return Hold(context, [Reason.FixedDose], $"Keep this exercise at {current}.");
        return Hold(
            context,
            [Reason.RedSkip48H, .. context.Last.Assessment.Reasons],
            $"{RedWhy(context, severe: false)}: skip this exercise for the next 2 days, then carry on at {current}.",
            restDay: true);
    }

    // Rule 3: a red session steps down one rung; a severe one two rungs and a rest day.
    private Decision? StepDownAfterRed(Context context)
    {
        var last = context.Last.Assessment;
        if (last.Class != SessionClass.Red) return null;
        if (context.AlreadySteppedDown) return HoldAlreadySteppedDown(context, last.Reasons);

        var ladder = context.Input.Ladder;
        var next = ladder.StepDown(context.Current, _options);
        if (last.Severe) next = ladder.StepDown(next, _options);
        var reasons = last.Reasons.ToList();
        if (last.Severe) reasons.Add(Reason.RedSevere);
        var then = last.Severe ? "rest tomorrow, then " : "";
        return StepDown(context, next, reasons, $"{RedWhy(context, last.Severe)}: {then}{StepBackTo(context, next)}.", restDay: last.Severe);
    }

    /// <summary>What made the session red, in words; when both pains were too high, the one that made it severe.</summary>
    private string RedWhy(Context context, bool severe)
    {
        var session = context.Last.Session;
        var how = severe ? "far more" : "more";
        var painWasTheCause = context.Last.Assessment.Reasons.Contains(Reason.RedPainDuring)
            && (!severe || session.PainDuring >= _options.SeverePain);
        return painWasTheCause
            ? $"Pain reached {session.PainDuring}/10 during this exercise, which is {how} than it should"
            : $"Your knee was {session.PainNextMorning}/10 the next morning, {how} than your usual {context.Input.BaselineMorningPain}/10";
    }

    // Rule 5: after a long break, tolerance is lower than the last dose suggests.
    private Decision? StepDownAfterGap(Context context)
    {
        var today = DateOnly.FromDateTime(context.Input.NowUtc);
        if (today.DayNumber - context.Last.Session.Date.DayNumber <= _options.GapDays) return null;
        if (context.AlreadySteppedDown) return HoldAlreadySteppedDown(context, [Reason.Gap]);
        return ResumeAfterGap(context.Input.Ladder, context.Current, context.Last.Session.Date, today);
    }

    /// <summary>
    /// Rule 5 on its own: the dose to resume at when more than <c>GapDays</c> have passed since
    /// <paramref name="lastDone"/>, or null when the break was short. A program's plan applies it to the recorded
    /// dose on the day the patient comes back, so nothing needs to be written while they are away.
    /// </summary>
    public Decision? ResumeAfterGap(ExerciseLadder ladder, Dose current, DateOnly lastDone, DateOnly today)
    {
        var days = today.DayNumber - lastDone.DayNumber;
        if (days <= _options.GapDays) return null;
        var next = ladder.StepDown(current, _options);
        var describe = next.Describe(ladder.Kind);
        var at = next == current ? $"at {describe}, the easiest step" : $"a little lower, at {describe}";
        List<string> reasons = next == current ? [Reason.Gap, Reason.BottomOfLadder] : [Reason.Gap];
        return new(DecisionKind.Regress, next, reasons, $"It has been {days} days since you last did this exercise: start again {at}.");
    }

    /// <summary>A step down the patient asked for or a clinician's review implies (a warning sign cleared): one rung lower.</summary>
    public Decision StepDownOneRung(ExerciseLadder ladder, Dose current, string reason, string why)
    {
        if (ladder.Kind == LadderKind.Fixed) return new(DecisionKind.Hold, current, [reason, Reason.FixedDose], $"{why}: carry on at {current.Describe(ladder.Kind)}.");
        var next = ladder.StepDown(current, _options);
        List<string> reasons = next == current ? [reason, Reason.BottomOfLadder] : [reason];
        return new(DecisionKind.Regress, next, reasons, $"{why}: start again a little lower, at {next.Describe(ladder.Kind)}.");
    }

    // Rule 7: repeatedly too many reps missed, or poor form, means the dose is too hard.
    private Decision? StepDownAfterFailures(Context context)
    {
        var o = _options;
        var failed = context.History.Count >= o.FailStreak
            && context.History.Take(o.FailStreak).All(h =>
                h.Class == SessionClass.Amber && (h.Session.Completion < o.FailCompletion || !h.Session.FormOk));
        if (!failed) return null;
        if (context.AlreadySteppedDown) return HoldAlreadySteppedDown(context, [Reason.FailToComplete]);

        var next = context.Input.Ladder.StepDown(context.Current, _options);
        return StepDown(
            context,
            next,
            [Reason.FailToComplete],
            $"The last {o.FailStreak} times the sets were hard to finish or to do with good control: {StepBackTo(context, next)} and build up again.");
    }

    // Rule 4: pain must not build up from week to week. It holds progress only; the step-downs above still apply,
    // since a rising week is no reason to keep a dose that is too hard or comes after a long break.
    private Decision? HoldForWeeklyRise(Context context)
    {
        var means = context.Input.WeeklyMorningPainMeans;
        if (means.Count < 2 || !RoseByWeeklyRise(means[1], means[0])) return null;
        var from = means[1].ToString("0.0", CultureInfo.InvariantCulture);
        var to = means[0].ToString("0.0", CultureInfo.InvariantCulture);
        return Hold(
            context,
            [Reason.WeeklyRise],
            $"Your morning pain has crept up this week (from {from} to {to}): no step up this week. Stay at {context.Describe(context.Current)}.");
    }

    // Rule 6: "2-for-2": the last sessions green, and at the dose that is prescribed now (not an earlier one).
    private Decision? ProgressAfterGreens(Context context)
    {
        var streak = _options.GreenStreak;
        var earned = context.History.Count >= streak
            && context.History.Take(streak).All(h => h.Class == SessionClass.Green && h.Session.Prescribed == context.Current);
        if (!earned) return null;

        var current = context.Current;
        var did = $"You did {context.Describe(current)} {Times(streak)} with little pain and your knee settled by the morning";
        var next = context.Input.Ladder.StepUp(current, _options);
        if (next is null)
            return Hold(
                context,
                [Reason.GreenTwice, Reason.TopOfLadder],
                $"{did}. That is the top of this exercise's ladder: stay there, or ask your physiotherapist about a harder exercise.");

        List<string> reasons = next.LoadKg > current.LoadKg ? [Reason.GreenTwice, Reason.LoadPlus5Percent] : [Reason.GreenTwice];
        return new(DecisionKind.Progress, next, reasons, $"{did}: next time {context.Describe(next)}.");
    }

    // Rule 8: nothing moves; say what it is waiting for.
    private Decision HoldUntilGreen(Context context)
    {
        var last = context.Last;
        var session = last.Session;
        var stay = context.Describe(context.Current);
        if (last.Class == SessionClass.Green)
        {
            return session.Prescribed == context.Current
                ? Hold(context, [Reason.OneGreen], $"Good session: do {stay} once more like that and it moves on.")
                : Hold(context, [Reason.NewDose], $"Next time {stay}: it moves on after {_options.GreenStreak} sessions at this dose with little pain.");
        }

        var reasons = last.Assessment.Reasons;
        var message = reasons[0] switch
        {
            Reason.PendingNextMorning => $"Tell us how the knee felt the next morning before it moves on; until then, stay at {stay}.",
            Reason.NextMorningMissing => $"We don't know how your knee felt the morning after last time, so it can't move on yet: stay at {stay}.",
            Reason.AmberPain => $"Your knee hurt {session.PainDuring}/10 during this exercise. Stay at {stay} until it is {_options.GreenPainMax} or less and settled by the next morning.",
            Reason.NotSettled => $"Your knee was {session.PainNextMorning}/10 the next morning, above your usual {context.Input.BaselineMorningPain}/10. Stay at {stay} until it settles by the next morning.",
            Reason.Incomplete => $"You did {session.CompletedReps.Sum()} of the {session.Prescribed.Volume} reps. Stay at {stay} until you can do them all.",
            Reason.HoldShort => $"Your shortest hold was {session.ShortestHoldSeconds} s of the {session.Prescribed.HoldSeconds} s. Stay at {stay} until you can hold every rep.",
            Reason.HoldMissing => $"Log how long you held each rep so that it can move on; until then, stay at {stay}.",
            _ => $"The movement did not feel right last time. Stay at {stay} until it feels controlled.",
        };
        return Hold(context, reasons, message);
    }

    private static Decision HoldAlreadySteppedDown(Context context, IEnumerable<string> why) =>
        Hold(
            context,
            [.. why, Reason.AlreadySteppedDown],
            $"You have already stepped back to {context.Describe(context.Current)} after last time: stay there for now.");

    private static Decision Hold(Context context, IReadOnlyList<string> reasons, string message, bool restDay = false) =>
        new(DecisionKind.Hold, context.Current, reasons, message, restDay);

    private static Decision StepDown(Context context, Dose next, List<string> reasons, string message, bool restDay = false)
    {
        if (next == context.Current) reasons.Add(Reason.BottomOfLadder);
        return new(DecisionKind.Regress, next, reasons, message, restDay);
    }

    private static string StepBackTo(Context context, Dose next) =>
        next == context.Current
            ? $"stay at {context.Describe(next)}, the easiest step of this exercise"
            : $"step back to {context.Describe(next)}";

    private static string Times(int count) => count switch
    {
        1 => "once",
        2 => "twice",
        _ => $"{count} times",
    };

    // Bad input must fail loudly: a dose decided from impossible numbers would look like a real one.
    private static void CheckInput(EngineInput input)
    {
        var ladder = input.Ladder;
        if (ladder.LevelCount < 1) throw new ArgumentException("A ladder has at least one level.", nameof(input));
        if (ladder.RepGoal < 1) throw new ArgumentException("The rep goal must be at least 1.", nameof(input));
        if (!(ladder.LoadIncrementKg > 0) || double.IsInfinity(ladder.LoadIncrementKg))
            throw new ArgumentException("The load increment must be a positive number of kilograms.", nameof(input));
        CheckDose(input.Current, "the current dose");
        CheckPain(input.BaselineMorningPain, "baseline morning pain");
        if (input.RedFlags.Any(f => string.IsNullOrWhiteSpace(f.Code)))
            throw new ArgumentException("A red flag needs a code.", nameof(input));
        if (input.WeeklyMorningPainMeans.Any(m => !(m >= 0 && m <= 10)))
            throw new ArgumentException("Weekly mean morning pain is from 0 to 10.", nameof(input));
    }

    private static void CheckSession(LoggedSession session)
    {
        CheckDose(session.Prescribed, "a session's prescribed dose");
        CheckPain(session.PainDuring, "pain during exercise");
        if (session.PainNextMorning is { } morning) CheckPain(morning, "next-morning pain");
        if (session.CompletedReps.Any(r => r < 0)) throw new ArgumentException("Completed reps cannot be negative.", nameof(session));
        if (session.ShortestHoldSeconds < 0) throw new ArgumentException("A hold cannot be negative.", nameof(session));
    }

    private static void CheckDose(Dose dose, string what)
    {
        if (dose.Sets < 1 || dose.Reps < 1 || dose.HoldSeconds < 0 || dose.Level < 1 || !(dose.LoadKg >= 0) || double.IsInfinity(dose.LoadKg))
            throw new ArgumentException($"{what} is not a dose: {dose}.", nameof(dose));
    }

    private static void CheckPain(int pain, string what)
    {
        if (pain is < 0 or > 10) throw new ArgumentOutOfRangeException(nameof(pain), pain, $"{what} is from 0 to 10.");
    }
}
