using DealerCrm.Domain.Settings;

namespace DealerCrm.Domain.Csi;

/// <summary>
/// The questionnaires the dealership starts with: the after-sales CSI with RULES.md's five factors
/// (weights from <see cref="CsiPolicy"/>) and the SSI with its own. Stable factor codes let the
/// dashboard follow a factor across versions.
/// </summary>
public static class StandardQuestionnaires
{
    public const string ServiceInitiation = nameof(ServiceInitiation);
    public const string ServiceAdvisor = nameof(ServiceAdvisor);
    public const string ServiceQuality = nameof(ServiceQuality);
    public const string DealerFacility = nameof(DealerFacility);
    public const string VehiclePickUp = nameof(VehiclePickUp);

    public static Questionnaire Csi(CsiPolicy policy, DateTime createdUtc) => new(SurveyProgram.Csi, 1, "售后服务满意度调查 (CSI) 第1版", createdUtc,
    [
        new(ServiceInitiation, "服务启动", "Service initiation", policy.ServiceInitiationWeightPercent,
        [
            new("预约是否方便，预约的时间是否得到遵守？", "Was booking the appointment easy, and was the time kept?", 2),
            new("到店后接待是否及时、热情？", "Were you received promptly and warmly on arrival?", 2),
            new("服务顾问是否认真听取并记录了您的需求？", "Did the advisor listen to and write down what you needed?", 1),
        ]),
        new(ServiceAdvisor, "服务顾问", "Service advisor", policy.ServiceAdvisorWeightPercent,
        [
            new("服务顾问对维修项目和费用的解释是否清楚？", "Did the advisor explain the work and its cost clearly?", 2),
            new("服务顾问是否礼貌、专业？", "Was the advisor courteous and professional?", 1),
            new("维修过程中是否及时告知进度？", "Were you kept informed of progress during the work?", 1),
        ]),
        new(ServiceQuality, "服务质量", "Service quality", policy.ServiceQualityWeightPercent,
        [
            new("车辆问题是否一次修好？", "Was the car fixed right the first time?", 3),
            new("车辆是否按承诺的时间完工？", "Was the car ready when promised?", 2),
            new("交车时车辆是否干净整洁？", "Was the car clean when it was returned?", 1),
        ]),
        new(DealerFacility, "经销商设施", "Dealer facility", policy.DealerFacilityWeightPercent,
        [
            new("客户休息区是否舒适、整洁？", "Was the customer lounge comfortable and clean?", 2),
            new("停车、洗手间等设施是否方便？", "Were parking, toilets and other facilities convenient?", 1),
        ]),
        new(VehiclePickUp, "服务后交车", "Vehicle pick-up", policy.VehiclePickUpWeightPercent,
        [
            new("取车时是否向您说明了所做的工作和收费？", "At pick-up, were the work done and the charges explained?", 2),
            new("取车手续是否快捷？", "Was the pick-up quick?", 1),
            new("费用是否与报价一致、合理？", "Were the charges as quoted and fair?", 2),
            QuestionDefinition.FreeText("您对我们还有什么意见或建议？", "Anything else you would like to tell us?"),
        ]),
    ]);

    public static Questionnaire Ssi(DateTime createdUtc) => new(SurveyProgram.Ssi, 1, "销售满意度调查 (SSI) 第1版", createdUtc,
    [
        new("ShowroomReception", "展厅接待", "Showroom reception", 20,
        [
            new("进店后是否得到及时接待？", "Were you greeted promptly in the showroom?", 1),
            new("展厅环境是否舒适？", "Was the showroom comfortable?", 1),
        ]),
        new("SalesConsultant", "销售顾问", "Sales consultant", 25,
        [
            new("销售顾问是否了解您的需求并推荐合适的车型？", "Did the consultant understand your needs and suggest the right model?", 2),
            new("销售顾问对车辆的介绍是否专业？", "Did the consultant present the car knowledgeably?", 1),
        ]),
        new("TestDrive", "试乘试驾", "Test drive", 15,
        [
            new("是否主动为您安排试乘试驾？", "Were you offered a test drive?", 1),
            new("试驾路线和时间是否充分？", "Were the route and time of the test drive enough?", 1),
        ]),
        new("PaperworkAndPrice", "手续与价格", "Paperwork and price", 20,
        [
            new("价格和各项费用是否透明？", "Were the price and every fee transparent?", 2),
            new("购车手续办理是否高效？", "Was the paperwork handled efficiently?", 1),
        ]),
        new("Delivery", "交车", "Delivery", 20,
        [
            new("交车时是否详细讲解车辆功能？", "Were the car's features explained at delivery?", 2),
            new("交车是否按约定时间进行？", "Was the car delivered at the agreed time?", 1),
            QuestionDefinition.FreeText("您对我们的销售服务还有什么建议？", "Any suggestions about our sales service?"),
        ]),
    ]);
}
