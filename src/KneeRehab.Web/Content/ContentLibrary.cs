using KneeRehab.Web.Training;

namespace KneeRehab.Web.Content;

/// <summary>Holds the current content snapshot; pages read <see cref="Current"/> once per request.</summary>
public sealed class ContentLibrary(ContentSnapshot initial, string root, ProgressionOptions progression)
{
    private volatile ContentSnapshot _current = initial;

    public ContentSnapshot Current => _current;

    private int _version;

    /// <summary>Goes up with every reload that replaced the snapshot: cached pages of an older one are not served (<see cref="ContentCache"/>).</summary>
    public int Version => _version;

    public string Root { get; } = root;

    /// <summary>Loads the folder again; a valid result replaces the snapshot, an invalid one leaves it in place.</summary>
    public ContentLoadResult Reload()
    {
        var result = ContentLoader.Load(Root, progression);
        if (result.Snapshot is { } snapshot)
        {
            _current = snapshot;
            Interlocked.Increment(ref _version);
        }
        return result;
    }
}

/// <summary>Thrown at start-up when the content folder has problems; its message is the full report.</summary>
public sealed class InvalidContentException(string report) : Exception(report);
