/* pt-cli-common.c: output and usage helpers shared by the subcommands */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pt-cli.h"

GOptionContext *
pt_cli_context_new (const char *parameter,
                    const char *summary,
                    const char *description)
{
  GOptionContext *context = g_option_context_new (parameter);

  g_option_context_set_summary (context, summary);
  if (description != NULL)
    g_option_context_set_description (context, description);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  return context;
}

int
pt_cli_usage_error (GOptionContext *context,
                    const char     *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("pt97112-cli: %s\n", message);
  if (context != NULL)
    g_printerr (_("Try “%s --help” for the options.\n"), g_get_prgname ());

  return PT_CLI_BAD_INPUT;
}

/* The widest of the NULL-terminated texts, in characters, and at least @min:
 * a table column as wide as its translated header and values. */
guint
pt_cli_text_width (guint       min,
                   const char *first,
                   ...)
{
  guint width = min;
  va_list args;

  va_start (args, first);
  for (const char *text = first; text != NULL; text = va_arg (args, const char *))
    width = MAX (width, (guint) g_utf8_strlen (text, -1));
  va_end (args);

  return width;
}

/* Appends @text padded with spaces to @width characters, not bytes, so that
 * accented translations line up; right-aligned when @align_right. */
void
pt_cli_append_cell (GString    *out,
                    const char *text,
                    guint       width,
                    gboolean    align_right)
{
  guint length = (guint) g_utf8_strlen (text, -1);
  guint pad = length < width ? width - length : 0;

  if (align_right)
    {
      for (guint i = 0; i < pad; i++)
        g_string_append_c (out, ' ');
      g_string_append (out, text);
    }
  else
    {
      g_string_append (out, text);
      for (guint i = 0; i < pad; i++)
        g_string_append_c (out, ' ');
    }
}

gboolean
pt_cli_write (GString *out)
{
  gboolean ok = fwrite (out->str, 1, out->len, stdout) == out->len;

  g_string_truncate (out, 0);
  return ok;
}

/* The text form of an allocation: totals, a table, and the reason for each unit. */
void
pt_cli_print_result (GString             *out,
                     const PtAllocResult *result)
{
  g_autofree char *hint = pt_alloc_result_hint_text (result);
  guint code_w, minutes_w, units_w;

  g_string_append_printf (out, _("Method: %s\n"), pt_method_display_name (result->method));
  g_string_append_printf (out, _("Timed minutes: %d   Timed units: %d   Total units: %d\n\n"),
                          result->total_timed_minutes, result->total_timed_units,
                          result->total_units);
  code_w = pt_cli_text_width (7, _("Code"), NULL);
  minutes_w = pt_cli_text_width (8, _("Minutes"), NULL);
  units_w = pt_cli_text_width (6, _("Units"), NULL);
  pt_cli_append_cell (out, _("Code"), code_w, FALSE);
  g_string_append_c (out, ' ');
  pt_cli_append_cell (out, _("Minutes"), minutes_w, TRUE);
  g_string_append_c (out, ' ');
  pt_cli_append_cell (out, _("Units"), units_w, TRUE);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < result->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (result, i);
      char minutes[16], units[16];

      g_snprintf (minutes, sizeof minutes, "%d", c->minutes);
      g_snprintf (units, sizeof units, "%d", c->units);
      pt_cli_append_cell (out, c->code, code_w, FALSE);
      g_string_append_c (out, ' ');
      pt_cli_append_cell (out, minutes, minutes_w, TRUE);
      g_string_append_c (out, ' ');
      pt_cli_append_cell (out, units, units_w, TRUE);
      g_string_append_printf (out, "%s%s\n", c->timed ? "" : _("  (untimed)"),
                              c->tied ? _("  (tie)") : "");
    }

  g_string_append_printf (out, "\n%s\n", _("Why:"));
  for (guint s = 0; s < result->steps->len; s++)
    g_string_append_printf (out, "  %s\n", g_array_index (result->steps, PtStep, s).text);

  for (guint t = 0; t < result->ties->len; t++)
    {
      const PtTie *tie = &g_array_index (result->ties, PtTie, t);
      GString *names = g_string_new (NULL);

      for (guint k = 0; k < tie->n_codes; k++)
        g_string_append_printf (names, "%s%s", k ? ", " : "",
                                pt_alloc_result_get_code (result, tie->codes[k])->code);
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "\nTie: %s share %d unit; any choice among them is correct (set it with --tie-preference).\n",
                                           "\nTie: %s share %d units; any choice among them is correct (set it with --tie-preference).\n",
                                           tie->units),
                              names->str, tie->units);
      g_string_free (names, TRUE);
    }

  g_string_append_printf (out, _("\nNext unit: %s\n"), hint);
}
