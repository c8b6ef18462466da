// The plain units every domain module speaks in, kept apart from model.ts so that the modules
// model.ts itself draws on (time, fees, alert fields) can name them without importing it back.
export type Id = string;
export type EpochMs = number;
export type LocalDate = string;
export type Fen = number;
