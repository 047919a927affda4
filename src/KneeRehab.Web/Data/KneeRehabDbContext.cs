using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Data;

/// <summary>
/// The app's data model, the same on every database. Each provider has its own context (<see cref="SqliteDbContext"/>,
/// <see cref="PostgresDbContext"/>) only so that each keeps its own migrations (Data/Migrations/Sqlite, /Postgres);
/// the app asks for this type and gets the configured provider's.
/// </summary>
public abstract class KneeRehabDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Workout> Workouts => Set<Workout>();

    public DbSet<WorkoutExercise> WorkoutExercises => Set<WorkoutExercise>();

    public DbSet<LoggedSet> LoggedSets => Set<LoggedSet>();

    public DbSet<ExerciseList> ExerciseLists => Set<ExerciseList>();

    public DbSet<ProgramEnrollment> Enrollments => Set<ProgramEnrollment>();

    public DbSet<ProgramDecision> ProgramDecisions => Set<ProgramDecision>();

    public DbSet<ProgramTransition> ProgramTransitions => Set<ProgramTransition>();

    public DbSet<OutcomeCheckIn> CheckIns => Set<OutcomeCheckIn>();

    public DbSet<MilestoneReached> MilestonesReached => Set<MilestoneReached>();

    public DbSet<CareLink> CareLinks => Set<CareLink>();

    public DbSet<CareInvitation> CareInvitations => Set<CareInvitation>();

    public DbSet<ClinicAuditEntry> ClinicAudit => Set<ClinicAuditEntry>();

    public DbSet<ClinicianDose> ClinicianDoses => Set<ClinicianDose>();

    public DbSet<CareMessage> CareMessages => Set<CareMessage>();

    public DbSet<ClinicProgram> ClinicPrograms => Set<ClinicProgram>();

    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();

    public DbSet<HealthProbe> HealthProbes => Set<HealthProbe>();

    public DbSet<ExerciseSummary> ExerciseSummaries => Set<ExerciseSummary>();

    public DbSet<PainSummary> PainSummaries => Set<PainSummary>();

    /// <summary>A save that touches workouts also brings their weekly and monthly summaries up to date, in one transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var changes = ProgressSummaries.Collect(ChangeTracker);
        if (changes.IsEmpty) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await ProgressSummaries.RefreshAsync(this, changes, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    // The app saves asynchronously; the commands and tests that save synchronously get the same summaries.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Identity UI limits these keys to 128 characters through its options, which a context made outside the app
        // (the commands, the tests' drift guard) does not see: stated here, the model is the same wherever it is built.
        builder.Entity<IdentityUserLogin<string>>(login =>
        {
            login.Property(l => l.LoginProvider).HasMaxLength(128);
            login.Property(l => l.ProviderKey).HasMaxLength(128);
        });
        builder.Entity<IdentityUserToken<string>>(token =>
        {
            token.Property(t => t.LoginProvider).HasMaxLength(128);
            token.Property(t => t.Name).HasMaxLength(128);
        });
        builder.ApplyConfigurationsFromAssembly(typeof(KneeRehabDbContext).Assembly);
    }
}
