namespace DealerCrm.Domain.Common;

/// <summary>
/// A named counter that only goes up (customer numbers per year). Guarded by its version, so
/// two concurrent takers never get the same value; a value taken is never handed out again.
/// </summary>
public sealed class NumberSequence : IVersioned
{
    private NumberSequence()
    {
    }

    public NumberSequence(string name) => Name = name;

    public string Name { get; private set; } = "";

    public long LastValue { get; private set; }

    public int Version { get; set; }

    public long Next() => Take(1);

    /// <summary>Takes <paramref name="count"/> consecutive values; returns the first.</summary>
    public long Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var first = LastValue + 1;
        LastValue += count;
        return first;
    }
}
