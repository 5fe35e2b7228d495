namespace DealerCrm.Domain.Customers;

public enum CustomerKind
{
    Person = 1,
    Company = 2,
}

/// <summary>购车用途.</summary>
public enum PurchasePurpose
{
    Unknown = 0,
    Family = 1,
    Business = 2,
    Commuting = 3,
    Other = 9,
}

/// <summary>客户来源.</summary>
public enum SourceChannel
{
    Unknown = 0,
    WalkIn = 1,
    Phone = 2,
    Online = 3,
    Referral = 4,
    AutoShow = 5,
    ExistingCustomer = 6,
    Other = 9,
}

public enum FamilyRelation
{
    Spouse = 1,
    Child = 2,
    Parent = 3,
    Other = 9,
}

/// <summary>付款方式.</summary>
public enum PaymentMethod
{
    FullPayment = 1,
    Loan = 2,
}

/// <summary>上牌状态.</summary>
public enum RegistrationStatus
{
    NotRegistered = 0,
    InProgress = 1,
    Registered = 2,
}

/// <summary>维修/保养记录的类型.</summary>
public enum ServiceVisitType
{
    Maintenance = 1,
    Repair = 2,
    WarrantyClaim = 3,
    Accident = 4,
}
