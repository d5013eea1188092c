"""Rows in and out of workbooks, without the file format: checking an imported row, writing the good rows,
the rows an export contains, and coded values as a workbook shows them. Reading and writing .xlsx is in
desktop_app.interchange."""
