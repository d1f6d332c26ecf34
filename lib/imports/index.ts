export {
  startImportSchema,
  IMPORT_KINDS,
  FIXED_TARGETS,
  COLUMN_TYPES,
  type ImportKind,
  type ColumnMapping,
  type ColumnType,
  type StartImportInput,
} from "./schema";
export { detectColumnType, guessTarget } from "./columns";
