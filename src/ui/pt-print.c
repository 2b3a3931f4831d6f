/* pt-print.c: prints the audit worksheet (the same text as Copy Summary) on
 * one page; the print dialog's "Print to File" gives a PDF. */
#include "config.h"

#include <glib/gi18n.h>

#include "pt-print.h"
#include "pt-visit-summary.h"

typedef struct {
  char *text;
  char *footer;
} Worksheet;

static void
worksheet_free (gpointer data)
{
  Worksheet *w = data;

  g_free (w->text);
  g_free (w->footer);
  g_free (w);
}

static void
draw_page (GtkPrintOperation *op,
           GtkPrintContext   *context,
           int                page_nr,
           Worksheet         *w)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr(PangoLayout) title = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoLayout) body = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoLayout) footer = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *desc;
  int title_h, body_h;
  double scale = 1.0;

  desc = pango_font_description_from_string ("Sans Bold 14");
  pango_layout_set_font_description (title, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (title, _("Therapy units audit worksheet"), -1);
  pango_layout_get_pixel_size (title, NULL, &title_h);

  desc = pango_font_description_from_string ("Monospace 8.5");
  pango_layout_set_font_description (body, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (body, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (body, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (body, w->text, -1);
  pango_layout_get_pixel_size (body, NULL, &body_h);

  desc = pango_font_description_from_string ("Sans 7");
  pango_layout_set_font_description (footer, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (footer, w->footer, -1);

  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, title);

  /* One page: shrink a long visit to fit rather than spill onto a second. */
  if (title_h + 12 + body_h > height - 24)
    scale = (height - 24 - title_h - 12) / body_h;

  cairo_save (cr);
  cairo_translate (cr, 0, title_h + 12);
  cairo_scale (cr, scale, scale);
  pango_layout_set_width (body, (int) (width / scale * PANGO_SCALE));
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, body);
  cairo_restore (cr);

  cairo_move_to (cr, 0, height - 12);
  pango_cairo_show_layout (cr, footer);
}

static gboolean
run_worksheet (GtkWindow    *parent,
               PtWorkspace  *workspace,
               const char   *pdf_path,
               GError      **error)
{
  g_autoptr(GtkPrintOperation) op = gtk_print_operation_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%x %X");
  Worksheet *w = g_new0 (Worksheet, 1);
  GtkPrintOperationResult res;

  w->text = pt_visit_summary_text (pt_workspace_get_visit (workspace),
                                   pt_workspace_get_result (workspace, PT_METHOD_CMS),
                                   pt_workspace_get_result (workspace, PT_METHOD_AMA));
  w->footer = g_strdup_printf (_("Printed %s by Pt97112 %s. Check the payer’s current rules before billing."),
                               stamp, PACKAGE_VERSION);
  g_object_set_data_full (G_OBJECT (op), "worksheet", w, worksheet_free);

  gtk_print_operation_set_n_pages (op, 1);
  gtk_print_operation_set_job_name (op, _("Audit worksheet"));
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page), w);

  if (pdf_path != NULL)
    {
      gtk_print_operation_set_export_filename (op, pdf_path);
      res = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);
    }
  else
    res = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);

  return res != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* The print dialog, whose "Print to File" also makes a PDF. */
gboolean
pt_print_worksheet (GtkWindow    *parent,
                    PtWorkspace  *workspace,
                    GError      **error)
{
  return run_worksheet (parent, workspace, NULL, error);
}

/* Straight to a PDF file, without a dialog. */
gboolean
pt_print_worksheet_to_pdf (PtWorkspace  *workspace,
                           const char   *path,
                           GError      **error)
{
  return run_worksheet (NULL, workspace, path, error);
}
