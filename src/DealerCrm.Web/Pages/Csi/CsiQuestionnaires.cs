using DealerCrm.Domain.Common;
using DealerCrm.Domain.Csi;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Csi;

/// <summary>
/// The questionnaire versions: the current one of each program (created from
/// <see cref="StandardQuestionnaires"/> the first time one is asked for, on any database), or a
/// given version with its factors and questions.
/// </summary>
public sealed class CsiQuestionnaires(DealerCrmDbContext db, IOptions<CsiPolicy> policy, DealershipClock clock)
{
    public async Task<Questionnaire> CurrentAsync(SurveyProgram program, CancellationToken cancellationToken)
    {
        if (await Full().FirstOrDefaultAsync(q => q.Program == program && q.IsCurrent, cancellationToken) is { } current)
        {
            return current;
        }

        await EnsureStandardAsync(cancellationToken);
        return await Full().FirstAsync(q => q.Program == program && q.IsCurrent, cancellationToken);
    }

    public Task<Questionnaire?> GetAsync(int id, CancellationToken cancellationToken) =>
        Full().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);

    /// <summary>Adds version 1 of each program that has none; two requests racing meet the unique (program, version) index.</summary>
    public async Task EnsureStandardAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Questionnaires.Select(q => q.Program).Distinct().ToListAsync(cancellationToken);
        var added = new List<Questionnaire>();
        foreach (var q in new[] { StandardQuestionnaires.Csi(policy.Value, clock.UtcNow), StandardQuestionnaires.Ssi(clock.UtcNow) })
        {
            if (!existing.Contains(q.Program))
            {
                q.MakeCurrent();
                db.Questionnaires.Add(q);
                added.Add(q);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request created them first: theirs stand.
            foreach (var q in added)
            {
                db.Entry(q).State = EntityState.Detached;
            }
        }
    }

    private IQueryable<Questionnaire> Full() =>
        db.Questionnaires.AsNoTrackingWithIdentityResolution().Include(q => q.Factors).Include(q => q.Questions).ThenInclude(x => x.Factor).AsSplitQuery();
}
