using System.Text.Json;
using System.Text.Json.Serialization;

namespace DealerCrm.Domain.Notifications;

/// <summary>
/// A notice's text as a resource key with arguments, localized when read. An argument is a
/// literal (a name, a number), a text of its own (localized too, e.g. a role's name), or a list
/// of arguments (joined with the reader's list separator).
/// </summary>
public sealed record NoticeText(string Key, IReadOnlyList<NoticeArg> Args)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string ArgsJson() => JsonSerializer.Serialize(Args, Json);

    public static NoticeText FromStored(string key, string argsJson) =>
        new(key, JsonSerializer.Deserialize<List<NoticeArg>>(argsJson, Json) ?? []);

    public bool Equals(NoticeText? other) => other is not null && Key == other.Key && ArgsJson() == other.ArgsJson();

    public override int GetHashCode() => HashCode.Combine(Key, ArgsJson());
}

/// <summary>One argument of a <see cref="NoticeText"/>: exactly one of literal, text or list.</summary>
public sealed record NoticeArg
{
    [JsonPropertyName("v")]
    public string? Literal { get; init; }

    [JsonPropertyName("t")]
    public NoticeText? Text { get; init; }

    [JsonPropertyName("l")]
    public IReadOnlyList<NoticeArg>? List { get; init; }

    public static NoticeArg Of(string literal) => new() { Literal = literal };

    public static NoticeArg Of(int number) => new() { Literal = number.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public static NoticeArg Localized(string key, params NoticeArg[] args) => new() { Text = new NoticeText(key, args) };

    public static NoticeArg ListOf(IEnumerable<NoticeArg> items) => new() { List = items.ToList() };

    public static implicit operator NoticeArg(string literal) => Of(literal);
}
