/* pt-codes.c: code shape, the built-in untimed list and the 15-minute chart */
#include "config.h"

#include <string.h>

#include "pt-codes.h"

/* A valid code as a number that sorts as the code does under strcmp():
 * digits sort before capital letters, so the first character counts 0-9 for
 * a digit and 10-35 for A-Z, times 10000, plus the four digits. -1 when
 * @code is not valid. Comparing numbers instead of strings matters to the
 * audit, which asks about every code of a million visits. */
static gint
code_key (const char *code)
{
  gint key;

  if (code == NULL)
    return -1;

  if (g_ascii_isdigit (code[0]))
    key = code[0] - '0';
  else if (g_ascii_isupper (code[0]))
    key = 10 + code[0] - 'A';
  else
    return -1;

  for (guint i = 1; i < 5; i++)
    {
      if (!g_ascii_isdigit (code[i]))
        return -1;
      key = key * 10 + (code[i] - '0');
    }

  return code[5] == '\0' ? key : -1;
}

/* A code is five characters: five digits, or one capital letter and four digits (HCPCS). */
gboolean
pt_code_is_valid (const char *code)
{
  return code_key (code) >= 0;
}

#define HCPCS(letter, number) ((10 + (letter) - 'A') * 10000 + (number))

/* Codes billed once per session whatever their minutes (billing-rules.md §5):
 * supervised modalities, group therapy, evaluations, wound care and G0283.
 * Every other well-formed code is treated as a 15-minute timed code, which is
 * what the visit format asks for an unknown code. The code catalogue may say
 * more; this list is what the engine and the command line use without it.
 * The bounds are code_key() values.
 */
static const struct {
  gint first;
  gint last;
} untimed_ranges[] = {
  { 97010, 97028 },
  { 97150, 97150 },
  { 97161, 97172 },
  { 97597, 97598 },
  { 97602, 97602 },
  { 97605, 97608 },
  { 97552, 97552 }, /* group caregiver training: once per session (unconfirmed) */
  { 97610, 97610 },
  { HCPCS ('G', 283), HCPCS ('G', 283) }, /* G0283 */
};

gboolean
pt_code_default_timed (const char *code)
{
  gint key = code_key (code);

  if (key < 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (untimed_ranges); i++)
    if (key >= untimed_ranges[i].first && key <= untimed_ranges[i].last)
      return FALSE;

  return TRUE;
}

/* The CMS chart: 0-7 minutes no unit, 8-22 one, 23-37 two ... n units for
 * 15n-7 through 15n+7 minutes. The AMA midpoint rule gives the same chart for a
 * single code.
 */
gint
pt_units_for_minutes (gint minutes)
{
  if (minutes < 8)
    return 0;

  return (minutes + 7) / 15;
}

/* The fewest minutes that give @units units. */
gint
pt_minutes_for_units (gint units)
{
  if (units <= 0)
    return 0;

  return 15 * units - 7;
}
