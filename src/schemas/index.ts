export * from './fact.ts';
export * from './signature.ts';
export * from './fix.ts';
export * from './reference.ts';
export * from './page.ts';
export * from './report.ts';
