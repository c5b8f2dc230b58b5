package dk.referent.fundstatus;

enum BudgetStatus { PROPOSED, APPROVED, CLOSED }
