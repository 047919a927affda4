using BenchmarkDotNet.Attributes;
using KneeRehab.Web.Content;

namespace KneeRehab.Benchmarks;

/// <summary>Start-up: reading, checking and rendering every Markdown file of content/.</summary>
[MemoryDiagnoser]
public class ContentBenchmarks
{
    [Benchmark(Description = "load and render the whole content library")]
    public ContentSnapshot LoadLibrary() =>
        ContentLoader.Load(Repository.Content).Snapshot ?? throw new InvalidOperationException("the content is invalid");
}
