using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace KneeRehab.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/KneeRehab.Benchmarks [-- --smoke]</c>: the hot code paths measured in
/// this process (no generated project to build), each until its figure is stable; --smoke runs each once.
/// (Not a top-level program: the app's own <c>Program</c> is the type the in-process host starts.)
/// </summary>
public static class Benchmarks
{
    public static int Main(string[] args)
    {
        var job = (args.Contains("--smoke") ? Job.Dry : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.Create(DefaultConfig.Instance).AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkRunner.Run([typeof(ContentBenchmarks), typeof(EngineBenchmarks), typeof(PlayerPageBenchmarks), typeof(CaseloadBenchmarks)], config);
        return summaries.All(s => s.Reports.Any() && s.Reports.All(r => r.Success)) ? 0 : 1;
    }
}
