// Every table of every domain, for Drizzle's relational queries and types. Add a domain's tables here.
export * from '../../domains/auth/auth.tables';
export * from '../../domains/calendar/calendar.tables';
export * from '../../domains/enterprises/enterprises.tables';
export * from '../../domains/imports/imports.tables';
export * from '../../domains/org/org.tables';
export * from '../../domains/tenancy/tenancy.tables';
export * from '../audit.tables';
