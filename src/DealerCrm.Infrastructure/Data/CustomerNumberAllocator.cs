using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Infrastructure.Data;

/// <summary>
/// Hands out customer numbers (C + year + 6 digits). Each number is taken in its own small
/// transaction on a fresh DbContext, guarded by the sequence row's version: two people creating
/// customers at the same moment never get the same number, and a number is never reused, even
/// when the customer it was taken for is then not saved (a gap is harmless; a reuse is not).
/// </summary>
public sealed class CustomerNumberAllocator(IServiceScopeFactory scopes)
{
    private const int MaxAttempts = 20;

    public async Task<string> NextAsync(int year, CancellationToken cancellationToken) =>
        (await NextBlockAsync(year, 1, cancellationToken))[0];

    /// <summary>Takes <paramref name="count"/> consecutive numbers at once (an import of many customers).</summary>
    public async Task<IReadOnlyList<string>> NextBlockAsync(int year, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return [];
        }

        var name = CustomerNumber.SequenceName(year);
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DealerCrmDbContext>();
            try
            {
                var sequence = await db.NumberSequences.SingleOrDefaultAsync(s => s.Name == name, cancellationToken);
                if (sequence is null)
                {
                    sequence = new NumberSequence(name);
                    db.NumberSequences.Add(sequence);
                }

                var first = sequence.Take(count);
                await db.SaveChangesAsync(cancellationToken);
                return Enumerable.Range(0, count).Select(i => CustomerNumber.Format(year, first + i)).ToList();
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Someone else took the next number (or created the year's row) first: read again.
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
        }
    }
}
