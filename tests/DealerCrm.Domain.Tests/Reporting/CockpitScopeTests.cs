using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.Csi;
using DealerCrm.Domain.Reporting;
using DealerCrm.Domain.Staff;

namespace DealerCrm.Domain.Tests.Reporting;

public sealed class CockpitScopeTests
{
    [Fact]
    public void The_general_manager_sees_the_whole_dealership_and_every_score()
    {
        var scope = CockpitScope.For([Roles.GeneralManager], ComplaintDepartment.Sales);
        Assert.Equal(CockpitAudience.Dealership, scope.Audience);
        Assert.True(scope.ShowsDealershipWork);
        Assert.Null(scope.ComplaintDepartment);
        Assert.Equal([SurveyProgram.Csi, SurveyProgram.Ssi], scope.ScorePrograms);
    }

    [Fact]
    public void The_cs_directors_view_leads_with_customer_service_and_sees_every_department()
    {
        var scope = CockpitScope.For([Roles.CsDirector, Roles.Admin], null);
        Assert.Equal(CockpitAudience.CustomerService, scope.Audience);
        Assert.True(scope.ShowsDealershipWork);
        Assert.Null(scope.ComplaintDepartment);
    }

    [Theory]
    [InlineData(ComplaintDepartment.Service, SurveyProgram.Csi)]
    [InlineData(ComplaintDepartment.Sales, SurveyProgram.Ssi)]
    public void A_department_manager_sees_their_departments_complaints_and_the_scores_of_its_people(ComplaintDepartment department, SurveyProgram program)
    {
        var scope = CockpitScope.For([Roles.DepartmentManager], department);
        Assert.Equal(CockpitAudience.Department, scope.Audience);
        Assert.False(scope.ShowsDealershipWork);
        Assert.Equal(department, scope.ComplaintDepartment);
        Assert.Equal([program], scope.ScorePrograms);
    }

    [Fact]
    public void The_parts_manager_has_complaints_but_no_survey_rates_their_people()
    {
        Assert.Empty(CockpitScope.For([Roles.DepartmentManager], ComplaintDepartment.Parts).ScorePrograms);
    }

    [Fact]
    public void A_department_manager_without_a_department_sees_no_ones_figures()
    {
        var scope = CockpitScope.For([Roles.DepartmentManager], null);
        Assert.True(scope.HasNoDepartment);
    }

    [Fact]
    public void The_technical_director_heads_the_workshop_unless_given_another_department()
    {
        Assert.Equal(ComplaintDepartment.Service, CockpitScope.For([Roles.TechnicalDirector], null).Department);
        Assert.Equal(ComplaintDepartment.Parts, CockpitScope.For([Roles.TechnicalDirector], ComplaintDepartment.Parts).Department);
    }

    [Theory]
    [InlineData(Roles.GeneralManager, true)]
    [InlineData(Roles.CsDirector, true)]
    [InlineData(Roles.DepartmentManager, false)]
    [InlineData(Roles.CsAgent, false)]
    public void The_cockpit_is_home_for_the_general_manager_and_the_cs_director(string role, bool home)
    {
        Assert.Equal(home, CockpitScope.IsHomeFor([role]));
    }
}
