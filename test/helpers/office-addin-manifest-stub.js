// Stands in for office-addin-manifest under jest: its ESM-only dependency does not load there (DESIGN.md section 8).
// office-addin-mock reads only the OfficeApp enum from it, on every load.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
