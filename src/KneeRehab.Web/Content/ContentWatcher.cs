namespace KneeRehab.Web.Content;

/// <summary>
/// Development only: reloads the content when a file changes, so an editor sees the edit on refresh.
/// Editors save in bursts (temp file, rename), so changes are debounced before one reload.
/// </summary>
public sealed class ContentWatcher(ContentLibrary library, ILogger<ContentWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(library.Root, "*.md") { IncludeSubdirectories = true };
        FileSystemEventHandler onChange = (_, _) => changed.Release();
        watcher.Changed += onChange;
        watcher.Created += onChange;
        watcher.Deleted += onChange;
        watcher.Renamed += (_, _) => changed.Release();
        watcher.EnableRaisingEvents = true;

        while (!stoppingToken.IsCancellationRequested)
        {
            await changed.WaitAsync(stoppingToken);
            while (await changed.WaitAsync(Quiet, stoppingToken)) { }

            var result = library.Reload();
            if (result.IsValid)
                logger.LogInformation("Content reloaded from {Root}", result.Root);
            else
                logger.LogWarning("Content not reloaded, keeping the previous version. {Problems}", result.Problems);
        }
    }
}
