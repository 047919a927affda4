using BenchmarkDotNet.Attributes;
using KneeRehab.Web.Clinic;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Training;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Benchmarks;

/// <summary>
/// A physiotherapist's caseload (/clinic) read for 50 and for 500 linked patients, each with a program, two weeks of
/// workouts and weekly check-ins: the issue's "fast with 500 patients". The reads are a handful of queries over all
/// the patients at once, so 10 times the patients should cost about 10 times as much, not more.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1063 // BenchmarkDotNet needs the class unsealed; Dispose is its global clean-up.
public class CaseloadBenchmarks : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("kneerehab-bench-caseload-").FullName;
    private string _connection = "";
    private ContentSnapshot _content = null!;
    private string _physio = "";

    [Params(50, 500)]
    public int Patients { get; set; }

    private sealed class Clock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [GlobalSetup]
    public void Setup()
    {
        _content = ContentLoader.Load(Repository.Content).Snapshot ?? throw new InvalidOperationException("the content is invalid");
        _connection = $"Data Source={Path.Combine(_folder, $"caseload-{Patients}.db")}";
        using var db = SqliteDbContext.Open(_connection);
        db.Database.Migrate();
        var physio = new ApplicationUser { UserName = "physio@example.test", Email = "physio@example.test" };
        db.Users.Add(physio);
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        for (var i = 0; i < Patients; i++)
        {
            var patient = new ApplicationUser { UserName = $"p{i}@example.test", Email = $"p{i}@example.test" };
            db.Users.Add(patient);
            db.CareLinks.Add(new CareLink { PhysioId = physio.Id, PatientId = patient.Id, StartedUtc = Now.UtcDateTime.AddDays(-30) });
            var enrollment = new ProgramEnrollment { UserId = patient.Id, ProgramSlug = "runners-knee", StartedOn = today.AddDays(-20), PhaseStartedOn = today.AddDays(-20), BaselineMorningPain = 2, Status = i % 25 == 0 ? ProgramStatus.Paused : ProgramStatus.Active };
            db.Enrollments.Add(enrollment);
            db.SaveChanges();
            for (var day = 14; day > 0; day -= 2)
                db.Workouts.Add(new Workout { UserId = patient.Id, Date = today.AddDays(-day), EnrollmentId = enrollment.Id, PainNextMorning = 2 + (i % 3 == 0 && day < 7 ? 2 : 0), CreatedUtc = Now.UtcDateTime.AddDays(-day), IdempotencyKey = Guid.NewGuid() });
            for (var week = 3; week > 0; week--)
                db.CheckIns.Add(new OutcomeCheckIn { UserId = patient.Id, Date = today.AddDays(-7 * week - i % 5), AveragePain = 3, WorstPain = 5 });
        }
        db.SaveChanges();
        _physio = physio.Id;
        if (ReadAsync().GetAwaiter().GetResult().Count != Patients) throw new InvalidOperationException("the caseload did not list every patient");
    }

    [Benchmark(Description = "read a physiotherapist's caseload")]
    public async Task<IReadOnlyList<CaseloadRow>> ReadAsync()
    {
        await using var db = SqliteDbContext.Open(_connection);
        return await Caseload.ReadAsync(db, _content, new Clock(), _physio, new ProgressionOptions());
    }

    [GlobalCleanup]
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
