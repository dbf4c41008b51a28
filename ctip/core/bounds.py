"""Sane bounds for every number, date and text ctip accepts (issue 19, finding 5).

One place so that forms, importers, filters and the database's check constraints agree. The
limits are far above anything a province records (a province has about 1.5 million people; a
support amount in đồng is at most a few hundred million) and far below what breaks a column or
a date calculation, so a typing slip gets a clear message instead of a server error.
"""

from __future__ import annotations

from datetime import date

# Counts of sessions, participants, items, suspects, volunteers, population...: below the
# 32-bit column limit (2,147,483,647) with room to add them up per row.
MAX_COUNT = 100_000_000
# Counts kept in 16-bit columns (children accompanying one person, rounds of one report's part):
# below PostgreSQL's smallint limit (32,767), and still far above anything real.
MAX_SMALL_COUNT = 1_000
# Amounts of money in đồng (budgets, support, fines): 10^13 đồng (ten thousand billion).
MAX_AMOUNT_VND = 10_000_000_000_000
# Ages in years.
MAX_AGE = 120
# Intervals in days (watch checks, time limits): ten years.
MAX_INTERVAL_DAYS = 3_660
# Years written in document symbols, plans and population figures.
MIN_YEAR = 1945
MAX_YEAR = 2100
# Any date a user can enter or filter by: no record predates the first anti-trafficking work
# of the state, and nothing is planned past the century.
MIN_DATE = date(MIN_YEAR, 1, 1)
MAX_DATE = date(MAX_YEAR, 12, 31)
# Free text without a length of its own (notes, descriptions, paragraphs).
MAX_TEXT = 20_000
# One cell of an imported workbook or CSV.
MAX_CELL = 2_000

# Uploaded files (issue 19, finding 4): what an import may hold, checked while it is read, so
# its memory stays under 500 MB whatever the file (bench/zipbomb.py, docs/benchmarks.md).
# An imported file (workbook, JSON or CSV), as uploaded.
MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024
# Data rows of one import (a workbook, JSON or CSV file): every row is kept until the write,
# about 1 KB each, 2 KB when its texts are long.
MAX_IMPORT_ROWS = 100_000
# Characters of text a workbook import keeps (its shared strings and text cells): a text with one
# character outside the Basic Multilingual Plane takes 4 bytes a character in memory.
MAX_IMPORT_TEXT = 20_000_000
# Columns of an imported sheet that may hold a value (the templates use 15).
MAX_IMPORT_COLUMNS = 200
# An .xlsx or .docx is a zip: the bytes it inflates to, counted while inflating (never the
# sizes it declares), in all and in one member, and how many members it may have.
MAX_INFLATED_BYTES = 200 * 1024 * 1024
MAX_MEMBER_BYTES = 150 * 1024 * 1024
MAX_ARCHIVE_MEMBERS = 1_000
# Messages listed for a refused import (the rest are counted): a file of hostile rows would
# otherwise hold a message per cell.
MAX_IMPORT_ERRORS = 1_000
