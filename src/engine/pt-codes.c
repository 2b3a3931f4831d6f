/* pt-codes.c: code shape, the built-in untimed list and the 15-minute chart */
#include "config.h"

#include <string.h>

#include "pt-codes.h"

/* A code is five characters: five digits, or one capital letter and four digits (HCPCS). */
gboolean
pt_code_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 5)
    return FALSE;

  if (!g_ascii_isdigit (code[0]) && !g_ascii_isupper (code[0]))
    return FALSE;

  for (guint i = 1; i < 5; i++)
    if (!g_ascii_isdigit (code[i]))
      return FALSE;

  return TRUE;
}

/* Codes billed once per session whatever their minutes (billing-rules.md §5):
 * supervised modalities, group therapy, evaluations, wound care and G0283.
 * Every other well-formed code is treated as a 15-minute timed code, which is
 * what the visit format asks for an unknown code. The code catalogue may say
 * more; this list is what the engine and the command line use without it.
 */
static const struct {
  const char *first;
  const char *last;
} untimed_ranges[] = {
  { "97010", "97028" },
  { "97150", "97150" },
  { "97161", "97172" },
  { "97597", "97598" },
  { "97602", "97602" },
  { "97605", "97608" },
  { "97552", "97552" }, /* group caregiver training: once per session (unconfirmed) */
  { "97610", "97610" },
  { "G0283", "G0283" },
};

gboolean
pt_code_default_timed (const char *code)
{
  if (!pt_code_is_valid (code))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (untimed_ranges); i++)
    if (strcmp (code, untimed_ranges[i].first) >= 0 &&
        strcmp (code, untimed_ranges[i].last) <= 0)
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
