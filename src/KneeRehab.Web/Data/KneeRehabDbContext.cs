using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Data;

public sealed class KneeRehabDbContext(DbContextOptions<KneeRehabDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Workout> Workouts => Set<Workout>();

    public DbSet<WorkoutExercise> WorkoutExercises => Set<WorkoutExercise>();

    public DbSet<LoggedSet> LoggedSets => Set<LoggedSet>();

    public DbSet<ExerciseList> ExerciseLists => Set<ExerciseList>();

    public DbSet<ProgramEnrollment> Enrollments => Set<ProgramEnrollment>();

    public DbSet<ProgramDecision> ProgramDecisions => Set<ProgramDecision>();

    public DbSet<ProgramTransition> ProgramTransitions => Set<ProgramTransition>();

    public DbSet<OutcomeCheckIn> CheckIns => Set<OutcomeCheckIn>();

    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();

    public DbSet<HealthProbe> HealthProbes => Set<HealthProbe>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KneeRehabDbContext).Assembly);
    }
}
