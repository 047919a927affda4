using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KneeRehab.Web.Content;

/// <summary>
/// Reads YAML front matter into a schema record. YamlDotNet stops at the first error, so the YAML is
/// first walked against the record's shape to collect every missing, unknown or mistyped field at
/// once; only a clean document is then deserialized.
/// </summary>
public static class FrontMatterReader
{
    private static readonly INamingConvention Naming = UnderscoredNamingConvention.Instance;
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(Naming)
        .WithTypeMapping<IReadOnlyList<string>, List<string>>()
        .WithTypeMapping<IReadOnlyList<GuideSource>, List<GuideSource>>()
        .WithTypeMapping<IReadOnlyList<ProgramPhase>, List<ProgramPhase>>()
        .WithTypeMapping<IReadOnlyList<ProgramExercise>, List<ProgramExercise>>()
        .WithTypeMapping<IReadOnlyList<MilestoneRung>, List<MilestoneRung>>()
        .WithTypeMapping<IReadOnlyList<MilestoneCriterionSpec>, List<MilestoneCriterionSpec>>()
        .Build();
    private static readonly NullabilityInfoContext Nullability = new();
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(Naming)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        // Only the fields a file can hold: not the records' computed properties.
        .WithTypeInspector(inner => new YamlDotNet.Serialization.TypeInspectors.ReadableAndWritablePropertiesTypeInspector(inner))
        .DisableAliases()
        .Build();

    /// <summary>Front matter as a content file holds it (a program built in the clinic is kept so, and downloads so).</summary>
    public static string Write<T>(T meta) where T : class => Serializer.Serialize(meta);

    /// <param name="firstLine">The file line the YAML starts on, so that messages point into the file.</param>
    public static T? Read<T>(string yaml, string file, int firstLine, List<ContentProblem> problems) where T : class
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                problems.Add(new(file, "front matter", "must be a list of `field: value` lines"));
                return null;
            }
            root = mapping;
        }
        catch (YamlException e)
        {
            var line = e.Start.Line + firstLine - 1;
            problems.Add(new(file, "front matter", $"broken YAML at line {line}: {e.Message}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException for some unclosed brackets.
            problems.Add(new(file, "front matter", "broken YAML: check for an unclosed [ or { or quote"));
            return null;
        }

        var before = problems.Count;
        CheckShape(root, typeof(T), path: "", file, problems);
        return problems.Count > before ? null : Deserializer.Deserialize<T>(yaml);
    }

    private static void CheckShape(YamlNode node, Type type, string path, string file, List<ContentProblem> problems)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        void Wrong(string expected) =>
            problems.Add(new(file, path, $"expected {expected}, got {Describe(node)}"));

        if (target == typeof(string))
        {
            if (node is not YamlScalarNode { Value: { Length: > 0 } }) Wrong("text");
        }
        else if (target == typeof(int))
        {
            if (node is not YamlScalarNode s || !int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) Wrong("a whole number");
        }
        else if (target == typeof(double))
        {
            if (node is not YamlScalarNode d || !double.TryParse(d.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) Wrong("a number");
        }
        else if (target == typeof(bool))
        {
            if (node is not YamlScalarNode { Value: "true" or "false" }) Wrong("true or false");
        }
        else if (ListItemType(target) is { } itemType)
        {
            if (node is not YamlSequenceNode sequence)
            {
                Wrong("a list such as [a, b]");
                return;
            }
            var i = 0;
            foreach (var item in sequence)
                CheckShape(item, itemType, $"{path}[{i++}]", file, problems);
        }
        else if (node is YamlMappingNode mapping)
        {
            CheckFields(mapping, target, path, file, problems);
        }
        else
        {
            Wrong("a group of `field: value` lines");
        }
    }

    private static void CheckFields(YamlMappingNode mapping, Type type, string path, string file, List<ContentProblem> problems)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => Naming.Apply(p.Name));
        var seen = new HashSet<string>();

        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var fieldPath = path.Length == 0 ? key : $"{path}.{key}";
            if (!properties.TryGetValue(key, out var property))
            {
                problems.Add(new(file, fieldPath, $"unknown field (allowed: {string.Join(", ", properties.Keys)})"));
                continue;
            }
            seen.Add(key);
            if (IsNull(value))
            {
                if (IsRequired(property) || !IsNullable(property))
                    problems.Add(new(file, fieldPath, "must have a value"));
                continue;
            }
            CheckShape(value, property.PropertyType, fieldPath, file, problems);
        }

        foreach (var (name, property) in properties)
        {
            if (!seen.Contains(name) && IsRequired(property))
                problems.Add(new(file, path.Length == 0 ? name : $"{path}.{name}", "missing required field"));
        }
    }

    private static Type? ListItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    private static bool IsRequired(PropertyInfo property) => property.IsDefined(typeof(RequiredMemberAttribute));

    private static bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || Nullability.Create(property).WriteState == NullabilityState.Nullable;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: null or "" } => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        _ => "a group of fields",
    };
}
