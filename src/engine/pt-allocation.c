/* pt-allocation.c: the engine's single entry point
 *
 * Validates a visit, sums each code's minutes for the day, hands the codes to
 * the payer's method and collects the explanation and the next-unit hint.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pt-allocation-private.h"
#include "pt-codes.h"
#include "pt-engine-error.h"

G_LOCK_DEFINE_STATIC (translations);

/* The translation of @msgid, from a table keyed by the message's address
 * (the callers pass string literals) after the first lookup. */
const char *
pt_tr (const char *msgid)
{
  static GHashTable *translations;
  const char *text;

  G_LOCK (translations);
  if (translations == NULL)
    translations = g_hash_table_new (g_direct_hash, g_direct_equal);
  text = g_hash_table_lookup (translations, msgid);
  if (text == NULL)
    {
      text = g_dgettext (GETTEXT_PACKAGE, msgid);
      g_hash_table_insert (translations, (gpointer) msgid, (gpointer) text);
    }
  G_UNLOCK (translations);

  return text;
}

const char *
pt_method_to_string (PtMethod method)
{
  return method == PT_METHOD_AMA ? "ama" : "cms";
}

gboolean
pt_method_from_string (const char *str,
                       PtMethod   *method)
{
  if (g_strcmp0 (str, "cms") == 0)
    *method = PT_METHOD_CMS;
  else if (g_strcmp0 (str, "ama") == 0)
    *method = PT_METHOD_AMA;
  else
    return FALSE;

  return TRUE;
}

const char *
pt_method_display_name (PtMethod method)
{
  if (method == PT_METHOD_AMA)
    /* Translators: the per-code billing method many commercial payers use */
    return _("AMA per-code");

  /* Translators: Medicare's total-time billing method ("8-minute rule") */
  return _("CMS total-time");
}

/* One block on its own: its code and its minutes. @index counts from 0. */
gboolean
pt_alloc_block_validate (const PtAllocBlock  *b,
                         guint                index,
                         GError             **error)
{
  if (!pt_code_is_valid (b->code))
    {
      g_set_error (error, PT_ENGINE_ERROR, PT_ENGINE_ERROR_BAD_CODE,
                   _("Block %u: “%s” is not a code; a code is five digits, or a capital letter and four digits (97112, G0283)."),
                   index + 1, b->code);
      return FALSE;
    }

  if (b->minutes < 0 || b->minutes > PT_MAX_MINUTES)
    {
      g_set_error (error, PT_ENGINE_ERROR, PT_ENGINE_ERROR_MINUTES_RANGE,
                   _("Block %u (%s): minutes must be a whole number from 0 to %d, not %d."),
                   index + 1, b->code, PT_MAX_MINUTES, b->minutes);
      return FALSE;
    }

  return TRUE;
}

gboolean
pt_alloc_input_validate (const PtAllocInput  *input,
                         GError             **error)
{
  gint total = 0;

  if (input->n_blocks == 0)
    {
      g_set_error_literal (error, PT_ENGINE_ERROR, PT_ENGINE_ERROR_NO_BLOCKS,
                           _("The visit has no intervention block: add at least one code with its minutes."));
      return FALSE;
    }

  for (guint i = 0; i < input->n_blocks; i++)
    {
      const PtAllocBlock *b = &input->blocks[i];

      if (!pt_alloc_block_validate (b, i, error))
        return FALSE;

      total += b->minutes;
      if (total > PT_MAX_MINUTES)
        {
          g_set_error (error, PT_ENGINE_ERROR, PT_ENGINE_ERROR_TOTAL_RANGE,
                       _("The visit’s blocks add up to more than %d minutes (a whole day); check the minutes."),
                       PT_MAX_MINUTES);
          return FALSE;
        }

      for (guint j = 0; j < i; j++)
        {
          const PtAllocBlock *o = &input->blocks[j];

          /* The cheap test first: this runs for every pair of blocks. */
          if (!o->timed != !b->timed && strcmp (o->code, b->code) == 0)
            {
              g_set_error (error, PT_ENGINE_ERROR, PT_ENGINE_ERROR_TIMED_MISMATCH,
                           _("Block %u (%s) is marked %s but block %u of the same code is marked %s; a code is either timed or untimed."),
                           i + 1, b->code, b->timed ? _("timed") : _("untimed"),
                           j + 1, o->timed ? _("timed") : _("untimed"));
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Leftover minutes rank first (more wins), then the visit's tie preference,
 * then the tie rule, then entry order. */
gint
pt_rank_compare (const PtCodeUnits   *a,
                 const PtCodeUnits   *b,
                 const PtRankContext *ctx,
                 guint                ia,
                 guint                ib)
{
  if (a->leftover != b->leftover)
    return a->leftover > b->leftover ? -1 : 1;

  if (ctx->pref_rank[ia] != ctx->pref_rank[ib])
    return ctx->pref_rank[ia] < ctx->pref_rank[ib] ? -1 : 1;

  if (ctx->input->tie_rule == PT_TIE_RULE_MOST_MINUTES && a->minutes != b->minutes)
    return a->minutes > b->minutes ? -1 : 1;

  return a->first_block < b->first_block ? -1 : (a->first_block > b->first_block);
}

void
pt_alloc_result_add_step (PtAllocResult *result,
                          PtStepKind     kind,
                          gint           code,
                          gint           unit,
                          gboolean       tie,
                          char          *text)
{
  PtStep step = { kind, code, unit, tie, text };

  g_array_append_val (result->steps, step);
}

static void
clear_step (gpointer data)
{
  PtStep *step = data;

  g_clear_pointer (&step->text, g_free);
}

static void
clear_tie (gpointer data)
{
  PtTie *tie = data;

  g_clear_pointer (&tie->codes, g_free);
}

void
pt_alloc_result_free (PtAllocResult *result)
{
  if (result == NULL)
    return;

  g_array_unref (result->codes);
  g_array_unref (result->ties);
  g_array_unref (result->steps);
  g_free (result);
}

const PtCodeUnits *
pt_alloc_result_get_code (const PtAllocResult *result,
                          guint                index)
{
  g_return_val_if_fail (index < result->codes->len, NULL);

  return &g_array_index (result->codes, PtCodeUnits, index);
}

gint
pt_alloc_result_find_code (const PtAllocResult *result,
                           const char          *code)
{
  for (guint i = 0; i < result->codes->len; i++)
    if (strcmp (g_array_index (result->codes, PtCodeUnits, i).code, code) == 0)
      return (gint) i;

  return -1;
}

gint
pt_alloc_result_units_for (const PtAllocResult *result,
                           const char          *code)
{
  gint i = pt_alloc_result_find_code (result, code);

  return i < 0 ? 0 : g_array_index (result->codes, PtCodeUnits, i).units;
}

/* Untimed codes and codes left without a unit, after the unit steps. */
void
pt_alloc_result_explain_common (PtAllocResult *result)
{
  gint timed_units = 0;

  for (guint i = 0; i < result->codes->len; i++)
    if (pt_alloc_result_get_code (result, i)->timed)
      timed_units += pt_alloc_result_get_code (result, i)->units;

  for (guint i = 0; i < result->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (result, i);

      if (!c->timed)
        pt_alloc_result_add_step (result, PT_STEP_UNTIMED, i, 0, FALSE,
                                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%s is untimed: one unit for the session; its %d minute stays out of the timed total.",
                                                                "%s is untimed: one unit for the session; its %d minutes stay out of the timed total.",
                                                                c->minutes),
                                                   c->code, c->minutes));
    }

  for (guint i = 0; i < result->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (result, i);
      char *text;

      if (!c->timed || c->units > 0 || c->minutes == 0)
        continue;

      if (result->method == PT_METHOD_AMA)
        text = g_strdup_printf (_("%s: %d minutes documented, not billed: on its own it stays under the 8 minutes a unit needs, and this method does not pool minutes across codes."),
                                c->code, c->minutes);
      else if (timed_units == 0)
        text = g_strdup_printf (_("%s: %d minutes documented, not billed: all timed codes together come to %d minutes, under the 8 a unit needs."),
                                c->code, c->minutes, result->total_timed_minutes);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s: %d minutes documented, not billed: the %d unit the total allows went to a code with more minutes left over.",
                                             "%s: %d minutes documented, not billed: the %d units the total allows went to codes with more minutes left over.",
                                             timed_units),
                                c->code, c->minutes, timed_units);

      pt_alloc_result_add_step (result, PT_STEP_NOT_BILLED, i, 0, FALSE, text);
    }
}

/* strcmp (a, b) == 0 for codes, inline: codes are a few bytes, and an audit
 * compares those of a million visits pair by pair. */
static inline gboolean
same_code (const char *a,
           const char *b)
{
  for (guint i = 0; i < PT_CODE_BUF; i++)
    {
      if (a[i] != b[i])
        return FALSE;
      if (a[i] == '\0')
        return TRUE;
    }

  return TRUE;
}

/* Sums each code's minutes over its blocks into @codes (room for n_blocks),
 * in the order codes first appear; returns how many codes there are. */
static guint
aggregate_into (const PtAllocInput *input,
                PtCodeUnits        *codes)
{
  guint n = 0;

  for (guint i = 0; i < input->n_blocks; i++)
    {
      const PtAllocBlock *b = &input->blocks[i];
      gboolean found = FALSE;

      for (guint j = 0; j < n; j++)
        if (same_code (codes[j].code, b->code))
          {
            codes[j].minutes += b->minutes;
            found = TRUE;
            break;
          }

      if (!found)
        {
          PtCodeUnits *c = &codes[n++];

          memset (c, 0, sizeof *c);
          memcpy (c->code, b->code, sizeof c->code);
          c->timed = b->timed;
          c->minutes = b->minutes;
          c->first_block = i;
        }
    }

  for (guint j = 0; j < n; j++)
    codes[j].leftover = codes[j].timed ? codes[j].minutes % 15 : 0;

  return n;
}

static GArray *
aggregate_codes (const PtAllocInput *input)
{
  GArray *codes = g_array_sized_new (FALSE, TRUE, sizeof (PtCodeUnits), input->n_blocks);

  g_array_set_size (codes, input->n_blocks);
  g_array_set_size (codes, aggregate_into (input, (PtCodeUnits *) (gpointer) codes->data));

  return codes;
}

/* Each code's place in the visit's tie preference, into @pref_rank (room
 * for @n). */
static void
rank_preferences (const PtAllocInput *input,
                  const PtCodeUnits  *codes,
                  guint               n,
                  gint               *pref_rank)
{
  for (guint i = 0; i < n; i++)
    {
      pref_rank[i] = G_MAXINT;
      for (guint p = 0; input->tie_preference && input->tie_preference[p]; p++)
        if (strcmp (input->tie_preference[p], codes[i].code) == 0)
          {
            pref_rank[i] = p;
            break;
          }
    }
}

PtAllocResult *
pt_allocate (const PtAllocInput  *input,
             GError             **error)
{
  PtAllocResult *result;
  PtRankContext ctx;
  gint pref_stack[16];

  g_return_val_if_fail (input != NULL, NULL);

  if (!pt_alloc_input_validate (input, error))
    return NULL;

  result = g_new0 (PtAllocResult, 1);
  result->method = input->method;
  result->codes = aggregate_codes (input);
  result->ties = g_array_new (FALSE, TRUE, sizeof (PtTie));
  g_array_set_clear_func (result->ties, clear_tie);
  result->steps = g_array_sized_new (FALSE, TRUE, sizeof (PtStep), 8);
  g_array_set_clear_func (result->steps, clear_step);
  result->next_unit_code = -1;

  ctx.input = input;
  ctx.pref_rank = result->codes->len <= G_N_ELEMENTS (pref_stack)
                  ? pref_stack : g_new (gint, result->codes->len);
  rank_preferences (input, (const PtCodeUnits *) (gconstpointer) result->codes->data,
                    result->codes->len, ctx.pref_rank);

  for (guint i = 0; i < result->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (result, i);

      if (c->timed)
        result->total_timed_minutes += c->minutes;
    }

  if (input->method == PT_METHOD_AMA)
    {
      pt_per_code_distribute ((PtCodeUnits *) (gpointer) result->codes->data, result->codes->len);
      if (!input->units_only)
        {
          pt_per_code_explain (result);
          pt_per_code_next_unit (result);
        }
    }
  else if (input->units_only)
    pt_total_time_units (result, &ctx);
  else
    {
      pt_total_time_explain (result, &ctx);
      pt_total_time_next_unit (result, &ctx);
    }

  for (guint i = 0; i < result->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (result, i);

      result->total_units += c->units;
      if (c->timed)
        result->total_timed_units += c->units;
    }

  if (ctx.pref_rank != pref_stack)
    g_free (ctx.pref_rank);

  return result;
}

/* The units and the tie of pt_allocate(), and nothing else, in the caller's
 * memory: an audit judges a million visits, and building, filling and freeing
 * a PtAllocResult for each cost more than the allocation itself.
 *
 * @codes needs room for input->n_blocks; *@n_codes gets how many it holds,
 * in the order codes first appear (as PtAllocResult.codes). @tie_codes needs
 * room for input->n_blocks too: @tie gets the tie at the cut (total-time
 * only) with n_codes 0 when there is none, its codes pointing into
 * @tie_codes. Same validation and errors as pt_allocate(). */
gboolean
pt_allocate_units (const PtAllocInput  *input,
                   PtCodeUnits         *codes,
                   guint               *n_codes,
                   PtTie               *tie,
                   guint               *tie_codes,
                   GError             **error)
{
  PtRankContext ctx;
  gint pref_stack[16];
  guint order_stack[16];
  guint *order;
  guint n, n_leftover_units;

  g_return_val_if_fail (input != NULL && codes != NULL && n_codes != NULL, FALSE);
  g_return_val_if_fail (tie != NULL && tie_codes != NULL, FALSE);

  memset (tie, 0, sizeof *tie);
  tie->codes = tie_codes;
  *n_codes = 0;

  if (!pt_alloc_input_validate (input, error))
    return FALSE;

  n = aggregate_into (input, codes);
  *n_codes = n;

  if (input->method == PT_METHOD_AMA)
    {
      pt_per_code_distribute (codes, n);
      return TRUE;
    }

  ctx.input = input;
  ctx.pref_rank = n <= G_N_ELEMENTS (pref_stack) ? pref_stack : g_new (gint, n);
  order = n <= G_N_ELEMENTS (order_stack) ? order_stack : g_new (guint, n);
  rank_preferences (input, codes, n, ctx.pref_rank);

  pt_total_time_distribute (codes, n, &ctx, order, &n_leftover_units, tie);

  if (ctx.pref_rank != pref_stack)
    g_free (ctx.pref_rank);
  if (order != order_stack)
    g_free (order);

  return TRUE;
}

/* "6 more minutes of 97110 would earn it a unit: timed unit 4 of the visit." */
char *
pt_alloc_result_hint_text (const PtAllocResult *result)
{
  gint next = result->total_timed_units + 1;

  if (result->next_unit_code < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d more timed minute would add timed unit %d.",
                                         "%d more timed minutes would add timed unit %d.",
                                         result->next_unit_minutes),
                            result->next_unit_minutes, next);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d more minute of %s would earn it a unit: timed unit %d of the visit.",
                                       "%d more minutes of %s would earn it a unit: timed unit %d of the visit.",
                                       result->next_unit_minutes),
                          result->next_unit_minutes,
                          pt_alloc_result_get_code (result, result->next_unit_code)->code,
                          next);
}
