// The Office theme exceljs writes into every workbook: the summary's own writer writes the same one.
declare module "exceljs/lib/xlsx/xml/theme1.js" {
  const xml: string;
  export default xml;
}
