using DealerCrm.Domain.Common;
using DealerCrm.Domain.Complaints;
using DealerCrm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Infrastructure.Complaints;

/// <summary>
/// Hands out complaint numbers (TS + local date + sequence of the day) from a
/// <see cref="NumberSequence"/> per day, each in its own small save on a fresh DbContext guarded by
/// the row's version: two cases taken in at once never share a number (a gap is harmless).
/// </summary>
public sealed class ComplaintNumberAllocator(IServiceScopeFactory scopes)
{
    private const int MaxAttempts = 20;

    public async Task<string> NextAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var name = ComplaintNumber.SequenceName(day);
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

                var value = sequence.Next();
                await db.SaveChangesAsync(cancellationToken);
                return ComplaintNumber.Format(day, value);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Someone took the next number (or created the day's row) first: read again.
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
        }
    }
}
