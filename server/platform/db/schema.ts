// Every table of every domain, for Drizzle's relational queries and types. Add a domain's tables here.
export * from '../../domains/approval/approval.tables';
export * from '../../domains/auth/auth.tables';
export * from '../../domains/calendar/calendar.tables';
export * from '../../domains/economy/economy.tables';
export * from '../../domains/efficiency/efficiency.tables';
export * from '../../domains/enterprises/enterprises.tables';
export * from '../../domains/files/files.tables';
export * from '../../domains/imports/imports.tables';
export * from '../../domains/investment/investment.tables';
export * from '../../domains/investment/investment-library.tables';
export * from '../../domains/land/land.tables';
export * from '../../domains/org/org.tables';
// performance
export * from '../../domains/performance/performance.tables';
export * from '../../domains/policies/policies.tables';
export * from '../../domains/projects/projects.tables';
// reform
export * from '../../domains/reform/reform.tables';
export * from '../../domains/services/services.tables';
export * from '../../domains/tenancy/tenancy.tables';
export * from '../audit.tables';
