/* pt-audit.c: the billing audit of many visits from CSV rows
 *
 * Memory. Rows of a visit may be anywhere in the file, so nothing can be
 * judged before the last row is read; the audit keeps an index of visits
 * instead of rows, and its size grows with the number of visits and of codes
 * per visit, never with the number of rows (a thousand rows of one code of one
 * visit cost as much as one). The index is four flat arrays:
 *   - the visit ids, NUL-terminated, one after another (an arena);
 *   - one 12-byte entry per visit: where its id is, its first and last code;
 *   - one 16-byte entry per code of a visit: the code, its summed minutes
 *     (capped at 65535, far past the 1440 a visit may hold) and billed units,
 *     and the next code of the same visit;
 *   - an open-addressing hash table of 8-byte slots (the id's hash and the
 *     visit number), between a quarter and half full.
 * So a visit of three codes with a 10-byte id costs about 12 + 11 + 3 × 16 +
 * 24 ≈ 95 bytes: under 100 MB for a million visits, plus the spare room of
 * arrays that grow by doubling.
 *
 * Judging. For each visit, in the order visits first appear, the engine
 * allocates the summed minutes of its codes under the chosen method. When
 * leftover minutes tie (PtAllocResult.ties), every choice of which tied codes
 * carry the leftover units is valid; the audit picks the valid choice closest
 * to what was billed, so a visit is flagged only when no valid allocation
 * matches the bill. Large audits judge batches of visits on several threads;
 * the caller still gets the visits one at a time, in order, on its own
 * thread.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* mremap */
#endif
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "pt-audit.h"
#include "pt-codes.h"

#define NONE G_MAXUINT32
/* A visit id longer than this is not an id. */
#define MAX_ID_BYTES 256
/* Billed units on one row: a visit holds at most 1440 minutes, about 96 units. */
#define MAX_BILLED 9999
/* Visit numbers are 32-bit and the hash table stays at most half full. */
#define MAX_VISITS (G_MAXUINT32 / 4)

G_DEFINE_QUARK (pt-audit-error-quark, pt_audit_error)

typedef struct {
  char    code[PT_CODE_LEN];
  guint8  spare;
  guint16 minutes;
  guint32 billed;
  guint32 next;    /* the next code of the same visit, or NONE */
} CodeEntry;

typedef struct {
  guint32 id;      /* offset of the id in the arena */
  guint32 first;   /* its codes, a chain through CodeEntry.next */
  guint32 last;
} VisitEntry;

/* A slot of the hash table: the id's hash, so that probing does not have to
 * look at the visit, and the visit number + 1 (0: an empty slot). */
typedef struct {
  guint32 hash;
  guint32 visit;
} Slot;

G_STATIC_ASSERT (sizeof (CodeEntry) == 16);
G_STATIC_ASSERT (sizeof (VisitEntry) == 12);

/* Rows go into the index in small batches: first the hash slot of every row
 * that starts another visit is requested from memory, then the rows are
 * added, so the cache misses of a batch overlap instead of queueing. */
#define ROW_BATCH 32

typedef struct {
  guint32  hash;
  guint32  id;       /* offset in pending_ids */
  guint16  id_len;
  guint16  minutes;
  guint32  billed;
  gboolean same;     /* the same visit as the row before */
  char     code[PT_CODE_LEN];
} PendingRow;

#if defined(__GNUC__)
#define PREFETCH(addr) __builtin_prefetch (addr)
#else
#define PREFETCH(addr) ((void) (addr))
#endif

enum { COL_VISIT, COL_CODE, COL_MINUTES, COL_BILLED, N_COLS };

static const char * const column_names[N_COLS] = {
  "visit_id", "code", "minutes", "billed_units",
};

struct _PtAudit
{
  PtMethod           method;
  PtAuditReportFunc  report;
  gpointer           report_data;

  /* The index (see the top of the file). */
  char              *arena;
  gsize              arena_len;
  gsize              arena_cap;
  VisitEntry        *visits;
  guint32            n_visits;
  guint32            visits_cap;
  CodeEntry         *codes;
  guint32            n_codes;
  guint32            codes_cap;
  Slot              *slots;
  guint32            n_slots;   /* a power of two */
  Slot              *aside;     /* room for the slots while the table grows */
  gsize              aside_cap;
  guint32            last_visit; /* the previous row's visit: rows usually come grouped */

  /* The columns, once the header or the first row has shown them. */
  gboolean           layout_known;
  guint              n_columns;
  gint               column[N_COLS]; /* field index, or -1 when absent */
  gboolean           read_done;

  PtAuditSummary     summary;

  /* Good rows waiting to go into the index (see flush_pending). */
  PendingRow         pending[ROW_BATCH];
  guint              n_pending;
  gsize              pending_ids_len;
  char               pending_ids[ROW_BATCH * (MAX_ID_BYTES + 1)];
};

/* Memory for the index, whose arrays can reach hundreds of megabytes. On
 * Linux each is an anonymous mapping, zeroed by the kernel, and grown with
 * mremap, without copying; elsewhere g_realloc, with the new part zeroed.
 *
 * From HUGE_FROM on, an array's mapping is a whole number of 2 MiB blocks
 * at a 2 MiB boundary, marked for transparent huge pages (far fewer page
 * faults and TLB misses on random probes): huge pages only back whole
 * aligned blocks, and neither mmap nor mremap aligns a mapping by itself.
 * Without this the first megabytes of every array, and every array's tail
 * past its last whole block, were faulted in 4 KiB at a time: 3,300 faults
 * on the bench's file. */
#define HUGE_PAGE (2 * 1024 * 1024)
#define HUGE_FROM (256 * 1024)

#if defined(__linux__) && defined(MREMAP_MAYMOVE) && defined(MREMAP_FIXED)
#define USE_MMAP 1

/* The bytes mapped for an array of @size bytes. */
static gsize
mapped_size (gsize size)
{
  if (size < HUGE_FROM)
    return size;

  return (size + HUGE_PAGE - 1) & ~(gsize) (HUGE_PAGE - 1);
}

/* A fresh mapping of @size bytes (a multiple of HUGE_PAGE) at a HUGE_PAGE
 * boundary, marked for huge pages; MAP_FAILED when there is no room. */
static char *
map_huge (gsize size)
{
  gsize span = size + HUGE_PAGE;
  char *raw = mmap (NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  char *p;

  if (raw == MAP_FAILED)
    return MAP_FAILED;

  p = (char *) (((guintptr) raw + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1));
  if (p > raw)
    munmap (raw, p - raw);
  if (raw + span > p + size)
    munmap (p + size, raw + span - (p + size));
#ifdef MADV_HUGEPAGE
  madvise (p, size, MADV_HUGEPAGE);
#endif

  return p;
}
#endif

static gpointer
region_resize (gpointer old,
               gsize    old_size,
               gsize    new_size)
{
#ifdef USE_MMAP
  gsize old_mapped = old != NULL ? mapped_size (old_size) : 0;
  gsize new_mapped = mapped_size (new_size);
  char *p;

  if (old != NULL && new_mapped == old_mapped)
    return old; /* the room was already there */

  if (new_size < HUGE_FROM)
    p = old == NULL
        ? mmap (NULL, new_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        : mremap (old, old_size, new_size, MREMAP_MAYMOVE);
  else if ((p = map_huge (new_mapped)) != MAP_FAILED && old != NULL)
    {
      /* Huge pages move to the start of the new mapping. Small pages are
       * copied instead: moved, they would keep the first 2 MiB block in
       * small pages for good. */
      if (old_size >= HUGE_FROM)
        {
          if (mremap (old, old_mapped, old_mapped, MREMAP_MAYMOVE | MREMAP_FIXED, p) == MAP_FAILED)
            p = MAP_FAILED;
        }
      else
        {
          memcpy (p, old, old_size);
          munmap (old, old_size);
        }
    }

  if (p == MAP_FAILED)
    g_error ("%s: failed to allocate %zu bytes", G_STRLOC, new_size);

  return p;
#else
  char *p = g_realloc (old, new_size);

  memset (p + old_size, 0, new_size - old_size);
  return p;
#endif
}

static void
region_free (gpointer p,
             gsize    size)
{
  if (p == NULL)
    return;

#ifdef USE_MMAP
  munmap (p, mapped_size (size));
#else
  g_free (p);
#endif
}

PtAudit *
pt_audit_new (PtMethod method)
{
  PtAudit *audit = g_new0 (PtAudit, 1);

  audit->method = method;
  audit->last_visit = NONE;
  for (guint c = 0; c < N_COLS; c++)
    audit->column[c] = -1;

  return audit;
}

void
pt_audit_free (PtAudit *audit)
{
  if (audit == NULL)
    return;

  region_free (audit->arena, audit->arena_cap);
  region_free (audit->visits, audit->visits_cap * sizeof (VisitEntry));
  region_free (audit->codes, audit->codes_cap * sizeof (CodeEntry));
  region_free (audit->slots, audit->n_slots * sizeof (Slot));
  region_free (audit->aside, audit->aside_cap);
  g_free (audit);
}

/* Bad rows and bad visits go to @func; without one they are only counted. */
void
pt_audit_set_report_func (PtAudit           *audit,
                          PtAuditReportFunc  func,
                          gpointer           user_data)
{
  audit->report = func;
  audit->report_data = user_data;
}

gboolean
pt_audit_has_billed (const PtAudit *audit)
{
  return audit->column[COL_BILLED] >= 0;
}

guint
pt_audit_get_n_visits (const PtAudit *audit)
{
  return audit->n_visits;
}

/* Bytes the index holds, allocated room included. */
gsize
pt_audit_get_index_size (const PtAudit *audit)
{
  return audit->arena_cap + (gsize) audit->visits_cap * sizeof (VisitEntry) +
         (gsize) audit->codes_cap * sizeof (CodeEntry) + (gsize) audit->n_slots * sizeof (Slot);
}

const PtAuditSummary *
pt_audit_get_summary (const PtAudit *audit)
{
  return &audit->summary;
}

const char *
pt_audit_status_to_string (PtAuditStatus status)
{
  static const char * const names[] = { "ok", "over", "under", "mixed", "unbilled", "error" };

  g_return_val_if_fail (status <= PT_AUDIT_STATUS_BAD, "error");

  return names[status];
}

static void
report (PtAudit    *audit,
        guint64     line,
        const char *format,
        ...) G_GNUC_PRINTF (3, 4);

static void
report (PtAudit    *audit,
        guint64     line,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (audit->report == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  audit->report (line, message, audit->report_data);
}

/* ---- the index ---- */

/* The id's hash, eight bytes at a time: ids are a dozen bytes or so, and
 * hashing them a byte at a time (FNV-1a) took a sixth of the indexing. The
 * last multiply and shifts spread every byte into the low bits, which pick
 * the slot. */
static guint32
hash_id (const char *id,
         gsize       len)
{
  const guint64 k = G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ len;
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w;

      memcpy (&w, id + i, sizeof w);
      h = (h ^ w) * k;
      h ^= h >> 32;
    }

  if (i < len)
    {
      guint64 w = 0;

      for (guint b = 0; i + b < len; b++)
        w |= (guint64) (guchar) id[i + b] << (8 * b);
      h = (h ^ w) * k;
      h ^= h >> 32;
    }

  h ^= h >> 29;
  h *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  h ^= h >> 32;

  return (guint32) h;
}

static gboolean
id_equal (const PtAudit *audit,
          guint32        visit,
          const char    *id,
          gsize          len)
{
  const char *stored = audit->arena + audit->visits[visit].id;
  gsize i = 0;

  /* Eight bytes at a time, inline: this runs for most rows. The arena keeps
   * MAX_ID_BYTES to spare past its last id, so reading @len bytes of a
   * shorter stored id stays inside it (and differs at the stored NUL, as
   * ids hold no NUL). */
  for (; i + 8 <= len; i += 8)
    {
      guint64 a, b;

      memcpy (&a, stored + i, sizeof a);
      memcpy (&b, id + i, sizeof b);
      if (a != b)
        return FALSE;
    }
  for (; i < len; i++)
    if (stored[i] != id[i])
      return FALSE;

  return stored[len] == '\0';
}

/* Doubles the hash table in place: the slots are set aside, the table grows
 * (mremap keeps its pages; only the new half is fresh memory) and they go
 * back in table order, which fills the new table nearly in order too. A new
 * table for every doubling, as before, cost as much fresh memory again as
 * the final table, and fresh memory is slow to get: the kernel clears it. */
static void
grow_slots (PtAudit *audit)
{
  guint32 old_n = audit->n_slots;
  guint32 n = old_n ? old_n * 2 : 1024;
  guint32 mask = n - 1;
  gsize old_size = (gsize) old_n * sizeof (Slot);
  Slot *slots;

  if (old_size > audit->aside_cap)
    {
      audit->aside = region_resize (audit->aside, audit->aside_cap, old_size);
      audit->aside_cap = old_size;
    }
  if (old_size > 0)
    memcpy (audit->aside, audit->slots, old_size);

  slots = region_resize (audit->slots, old_size, (gsize) n * sizeof (Slot)); /* the new half zeroed */
  memset (slots, 0, old_size);

  for (guint32 k = 0; k < old_n; k++)
    {
      const Slot *old = &audit->aside[k];
      guint32 i;

      if (old->visit == 0)
        continue;
      for (i = old->hash & mask; slots[i].visit != 0; i = (i + 1) & mask)
        ;
      slots[i] = *old;
    }

  audit->slots = slots;
  audit->n_slots = n;
}

/* The visit of @id, added when new. */
static gboolean
find_visit (PtAudit     *audit,
            const char  *id,
            gsize        len,
            guint32      hash,
            guint32     *visit,
            GError     **error)
{
  guint32 mask, i;
  VisitEntry *v;

  if (audit->last_visit != NONE && id_equal (audit, audit->last_visit, id, len))
    {
      *visit = audit->last_visit;
      return TRUE;
    }

  if ((audit->n_visits + 1) * (guint64) 2 > audit->n_slots)
    grow_slots (audit);

  mask = audit->n_slots - 1;
  for (i = hash & mask; audit->slots[i].visit != 0; i = (i + 1) & mask)
    {
      guint32 k = audit->slots[i].visit - 1;

      if (audit->slots[i].hash == hash && id_equal (audit, k, id, len))
        {
          *visit = audit->last_visit = k;
          return TRUE;
        }
    }

  if (audit->n_visits >= MAX_VISITS || audit->arena_len + len + 1 > G_MAXUINT32)
    {
      g_set_error (error, PT_AUDIT_ERROR, PT_AUDIT_ERROR_TOO_MANY,
                   _("more than %u visits, or their ids take more than 4 GiB: split the file"),
                   MAX_VISITS);
      return FALSE;
    }

  if (audit->arena_len + len + 1 + MAX_ID_BYTES > audit->arena_cap)
    {
      gsize cap = MAX (audit->arena_cap * 2, MAX (4096, audit->arena_len + len + 1 + MAX_ID_BYTES));

      audit->arena = region_resize (audit->arena, audit->arena_cap, cap);
      audit->arena_cap = cap;
    }
  if (audit->n_visits == audit->visits_cap)
    {
      guint32 cap = MAX (1024, audit->visits_cap * 2);

      audit->visits = region_resize (audit->visits, audit->visits_cap * sizeof (VisitEntry),
                                     cap * sizeof (VisitEntry));
      audit->visits_cap = cap;
    }

  v = &audit->visits[audit->n_visits];
  v->id = audit->arena_len;
  v->first = v->last = NONE;
  memcpy (audit->arena + audit->arena_len, id, len);
  audit->arena[audit->arena_len + len] = '\0';
  audit->arena_len += len + 1;

  audit->slots[i].hash = hash;
  audit->slots[i].visit = audit->n_visits + 1;
  *visit = audit->last_visit = audit->n_visits++;

  return TRUE;
}

static gboolean
add_to_visit (PtAudit     *audit,
              guint32      visit,
              const char  *code,
              gint         minutes,
              gint         billed,
              GError     **error)
{
  VisitEntry *v = &audit->visits[visit];
  CodeEntry *c = NULL;

  for (guint32 e = v->first; e != NONE; e = audit->codes[e].next)
    if (memcmp (audit->codes[e].code, code, PT_CODE_LEN) == 0)
      {
        c = &audit->codes[e];
        break;
      }

  if (c == NULL)
    {
      if (audit->n_codes >= G_MAXUINT32 - 1)
        {
          g_set_error_literal (error, PT_AUDIT_ERROR, PT_AUDIT_ERROR_TOO_MANY,
                               _("more than 4 billion codes of visits: split the file"));
          return FALSE;
        }
      if (audit->n_codes == audit->codes_cap)
        {
          guint32 cap = MAX (1024, audit->codes_cap * 2);

          audit->codes = region_resize (audit->codes, audit->codes_cap * sizeof (CodeEntry),
                                        cap * sizeof (CodeEntry));
          audit->codes_cap = cap;
        }

      c = &audit->codes[audit->n_codes];
      memcpy (c->code, code, PT_CODE_LEN);
      c->spare = 0;
      c->minutes = 0;
      c->billed = 0;
      c->next = NONE;
      if (v->last == NONE)
        v->first = audit->n_codes;
      else
        audit->codes[v->last].next = audit->n_codes;
      v->last = audit->n_codes++;
    }

  c->minutes = MIN ((guint) c->minutes + (guint) minutes, G_MAXUINT16);
  c->billed = MIN ((guint64) c->billed + (guint64) billed, G_MAXUINT32);

  return TRUE;
}

/* ---- rows ---- */

static const char *
trim (const char *s,
      gsize      *len)
{
  while (*len > 0 && (s[0] == ' ' || s[0] == '\t'))
    s++, (*len)--;
  while (*len > 0 && (s[*len - 1] == ' ' || s[*len - 1] == '\t'))
    (*len)--;

  return s;
}

static gboolean
parse_whole (const char *s,
             gsize       len,
             gint        max,
             gint       *value)
{
  gint v = 0;

  if (len == 0)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] < '0' || s[i] > '9')
        return FALSE;
      v = v * 10 + (s[i] - '0');
      if (v > max)
        return FALSE;
    }

  *value = v;
  return TRUE;
}

/* A field as shown in a message: on one line, at most 40 characters. */
static char *
shown (const char *s,
       gsize       len)
{
  g_autofree char *copy = g_strndup (s, len);
  g_autofree char *head = NULL;

  for (char *p = copy; *p; p++)
    if ((guchar) *p < 0x20)
      *p = ' ';

  if (g_utf8_strlen (copy, -1) <= 40)
    return g_steal_pointer (&copy);

  head = g_utf8_substring (copy, 0, 39);
  return g_strconcat (head, "…", NULL);
}

static const char *
field (PtCsvReader *reader,
       gint         index,
       gsize       *len)
{
  return trim (pt_csv_reader_get_field (reader, index, len), len);
}

static gboolean
column_name_matches (const char *s,
                     gsize       len,
                     guint       column)
{
  return strlen (column_names[column]) == len &&
         g_ascii_strncasecmp (s, column_names[column], len) == 0;
}

typedef enum { LAYOUT_HEADER, LAYOUT_DATA, LAYOUT_BAD, LAYOUT_FAILED } LayoutResult;

/* The first good row: a header when it names any column, else the first data
 * row, whose number of fields tells whether billed units are there. */
static LayoutResult
detect_layout (PtAudit      *audit,
               PtCsvReader  *reader,
               guint64       line,
               GError      **error)
{
  guint n = pt_csv_reader_get_n_fields (reader);
  gboolean header = FALSE;

  for (guint i = 0; i < n && !header; i++)
    {
      gsize len;
      const char *s = field (reader, i, &len);

      for (guint c = 0; c < N_COLS; c++)
        header |= column_name_matches (s, len, c);
    }

  if (header)
    {
      for (guint i = 0; i < n; i++)
        {
          gsize len;
          const char *s = field (reader, i, &len);
          gint match = -1;

          for (guint c = 0; c < N_COLS && match < 0; c++)
            if (column_name_matches (s, len, c))
              match = c;

          if (match < 0)
            {
              g_autofree char *name = shown (s, len);

              report (audit, line,
                      _("header: the audit does not read a column “%s” (it reads visit_id, code, minutes and billed_units); its values are ignored"),
                      name);
            }
          else if (audit->column[match] >= 0)
            {
              g_set_error (error, PT_AUDIT_ERROR, PT_AUDIT_ERROR_HEADER,
                           _("line %" PRIu64 ": header: the column “%s” appears twice"),
                           line, column_names[match]);
              return LAYOUT_FAILED;
            }
          else
            audit->column[match] = i;
        }

      for (guint c = 0; c < COL_BILLED; c++)
        if (audit->column[c] < 0)
          {
            g_set_error (error, PT_AUDIT_ERROR, PT_AUDIT_ERROR_HEADER,
                         _("line %" PRIu64 ": header: no “%s” column; the audit needs visit_id, code and minutes, and reads billed_units when present"),
                         line, column_names[c]);
            return LAYOUT_FAILED;
          }

      audit->n_columns = n;
      audit->layout_known = TRUE;
      return LAYOUT_HEADER;
    }

  if (n != 3 && n != 4)
    {
      report (audit, line,
              _("expected 3 or 4 fields (visit_id,code,minutes[,billed_units]) or a header row naming the columns, found %u"),
              n);
      return LAYOUT_BAD;
    }

  for (guint c = 0; c < n; c++)
    audit->column[c] = c;
  audit->n_columns = n;
  audit->layout_known = TRUE;

  return LAYOUT_DATA;
}

/* Adds the pending rows to the index. */
static gboolean
flush_pending (PtAudit  *audit,
               GError  **error)
{
  guint32 mask = audit->n_slots > 0 ? audit->n_slots - 1 : 0;
  guint n = audit->n_pending;

  audit->n_pending = 0;
  audit->pending_ids_len = 0;

  for (guint r = 0; r < n; r++)
    {
      PendingRow *p = &audit->pending[r];
      const PendingRow *prev = r > 0 ? &audit->pending[r - 1] : NULL;
      const char *id = audit->pending_ids + p->id;

      p->same = prev != NULL && prev->id_len == p->id_len &&
                memcmp (audit->pending_ids + prev->id, id, p->id_len) == 0;
      if (!p->same)
        {
          p->hash = hash_id (id, p->id_len);
          if (audit->slots != NULL)
            PREFETCH (&audit->slots[p->hash & mask]);
        }
    }

  /* A known visit: fetch its entry, then its id and first code. The slots
   * read here are only hints; the rows are looked up again below. */
  if (audit->slots != NULL)
    {
      guint32 known[ROW_BATCH];

      for (guint r = 0; r < n; r++)
        {
          const Slot *slot = &audit->slots[audit->pending[r].hash & mask];

          known[r] = NONE;
          if (!audit->pending[r].same && slot->visit != 0 && slot->hash == audit->pending[r].hash)
            {
              known[r] = slot->visit - 1;
              PREFETCH (&audit->visits[known[r]]);
            }
        }

      for (guint r = 0; r < n; r++)
        if (known[r] != NONE)
          {
            const VisitEntry *v = &audit->visits[known[r]];

            PREFETCH (audit->arena + v->id);
            PREFETCH (&audit->codes[v->first]);
          }
    }

  for (guint r = 0; r < n; r++)
    {
      const PendingRow *p = &audit->pending[r];
      guint32 visit = audit->last_visit;

      if (!p->same &&
          !find_visit (audit, audit->pending_ids + p->id, p->id_len, p->hash, &visit, error))
        return FALSE;
      if (!add_to_visit (audit, visit, p->code, p->minutes, p->billed, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
queue_row (PtAudit     *audit,
           const char  *id,
           gsize        id_len,
           const char  *code,
           gint         minutes,
           gint         billed,
           GError     **error)
{
  PendingRow *p = &audit->pending[audit->n_pending++];

  p->id = audit->pending_ids_len;
  p->id_len = id_len;
  p->minutes = minutes;
  p->billed = billed;
  memcpy (p->code, code, PT_CODE_LEN);
  memcpy (audit->pending_ids + audit->pending_ids_len, id, id_len);
  audit->pending_ids_len += id_len;

  return audit->n_pending < ROW_BATCH || flush_pending (audit, error);
}

/* One data row into the index; a bad row is reported and FALSE is left in
 * @used. Returns FALSE only when the index is full. */
static gboolean
add_row (PtAudit      *audit,
         PtCsvReader  *reader,
         guint64       line,
         gboolean     *used,
         GError      **error)
{
  const char *id, *code, *s;
  gsize id_len, code_len, len;
  gint minutes, billed = 0;
  guint n = pt_csv_reader_get_n_fields (reader);
  char code_buf[PT_CODE_LEN + 1];

  *used = FALSE;

  if (n != audit->n_columns)
    {
      report (audit, line, _("expected %u fields, found %u"), audit->n_columns, n);
      return TRUE;
    }

  id = field (reader, audit->column[COL_VISIT], &id_len);
  if (id_len == 0)
    {
      report (audit, line, _("visit_id: empty; every row needs the id of its visit"));
      return TRUE;
    }
  if (id_len > MAX_ID_BYTES)
    {
      report (audit, line, _("visit_id: longer than %d bytes"), MAX_ID_BYTES);
      return TRUE;
    }

  code = field (reader, audit->column[COL_CODE], &code_len);
  if (code_len == PT_CODE_LEN)
    {
      memcpy (code_buf, code, PT_CODE_LEN);
      code_buf[PT_CODE_LEN] = '\0';
    }
  if (code_len != PT_CODE_LEN || !pt_code_is_valid (code_buf))
    {
      g_autofree char *value = shown (code, code_len);

      report (audit, line,
              _("code: “%s” is not a code; a code is five digits, or a capital letter and four digits (97112, G0283)"),
              value);
      return TRUE;
    }

  s = field (reader, audit->column[COL_MINUTES], &len);
  if (!parse_whole (s, len, PT_MAX_MINUTES, &minutes))
    {
      g_autofree char *value = shown (s, len);

      report (audit, line, _("minutes: expected a whole number from 0 to %d, not “%s”"),
              PT_MAX_MINUTES, value);
      return TRUE;
    }

  if (audit->column[COL_BILLED] >= 0)
    {
      s = field (reader, audit->column[COL_BILLED], &len);
      if (!parse_whole (s, len, MAX_BILLED, &billed))
        {
          g_autofree char *value = shown (s, len);

          report (audit, line, _("billed_units: expected a whole number from 0 to %d, not “%s”"),
                  MAX_BILLED, value);
          return TRUE;
        }
    }

  *used = TRUE;
  return queue_row (audit, id, id_len, code_buf, minutes, billed, error);
}

static gboolean
read_rows (PtAudit      *audit,
           PtCsvReader  *reader,
           GError      **error)
{
  for (;;)
    {
      g_autoptr(GError) row_error = NULL;
      PtCsvStatus status = pt_csv_reader_next (reader, &row_error);
      guint64 line = pt_csv_reader_get_line (reader);
      gboolean used = FALSE;

      switch (status)
        {
        case PT_CSV_END:
          return flush_pending (audit, error);

        case PT_CSV_FAILED:
          g_propagate_error (error, g_steal_pointer (&row_error));
          return FALSE;

        case PT_CSV_BAD_ROW:
          audit->summary.rows++;
          audit->summary.rows_skipped++;
          report (audit, line, "%s", row_error->message);
          continue;

        case PT_CSV_ROW:
        default:
          break;
        }

      if (!audit->layout_known)
        {
          switch (detect_layout (audit, reader, line, error))
            {
            case LAYOUT_FAILED:
              return FALSE;
            case LAYOUT_HEADER:
              continue;
            case LAYOUT_BAD:
              audit->summary.rows++;
              audit->summary.rows_skipped++;
              continue;
            case LAYOUT_DATA:
            default:
              break;
            }
        }

      audit->summary.rows++;
      if (!add_row (audit, reader, line, &used, error))
        return FALSE;
      if (!used)
        audit->summary.rows_skipped++;
    }
}


/* Reads every row of @reader into the index. Bad rows are reported and
 * skipped; FALSE (with @error) when the input cannot be read, the header
 * cannot be used or the index is full. Call it once per audit. */
gboolean
pt_audit_read (PtAudit      *audit,
               PtCsvReader  *reader,
               GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (audit != NULL && reader != NULL, FALSE);
  g_return_val_if_fail (!audit->read_done, FALSE);

  audit->read_done = TRUE;
  ok = read_rows (audit, reader, error);

  /* The table grows no more. */
  region_free (audit->aside, audit->aside_cap);
  audit->aside = NULL;
  audit->aside_cap = 0;

  return ok;
}


/* ---- judging ---- */

/* Judging costs an engine call per visit and visits are independent, so a
 * large audit judges shares of visits on several threads. The visits still
 * reach the caller one at a time, in order, on the calling thread, which
 * hands out the shares that are done while the other threads judge the next
 * ones: writing the output (the caller's work) and judging overlap. While
 * the next share in order is not done, the calling thread judges a waiting
 * share itself rather than sleep, so there is one other thread per further
 * processor, not one per processor: with a thread more than processors,
 * they took turns and the judging took twice as long. Each share has its
 * own scratch space.
 *
 * (Remembering engine results by visit content was tried and removed: on a
 * million-row file its hits were mostly one-code visits, the cheapest to
 * allocate, and its cache misses cost more than it saved.) */
#define SHARE 2048          /* visits judged at a time by one thread */
#define MIN_PARALLEL 4096   /* fewer visits than this: one thread */
#define MAX_THREADS 8
#define SHARES_PER_THREAD 3 /* shares in flight per thread: enough that none waits */

/* One judged visit, waiting for its turn to be handed out. */
typedef struct {
  guint32        visit;
  PtAuditStatus  status;
  gboolean       tie;
  guint          first_line; /* in Judge.lines */
  guint          n_lines;
  gint64         difference;
  gint64         over;
  gint64         under;
  char          *error;      /* PT_AUDIT_STATUS_BAD */
} Judged;

/* A share of visits, and its scratch space. A judge keeps its own copy of
 * what it reads of the audit: the calling thread updates the summary for
 * every visit it hands out, and reading fields beside it from the other
 * threads made its cache line go back and forth (1.5% of an audit's time
 * was in reading whether the file has billed units). */
typedef struct {
  const VisitEntry *visits;
  const CodeEntry  *entries;  /* the index's codes */
  guint32           n_visits;
  PtMethod          method;
  gboolean          billed;
  guint32           first;    /* the visits of the share */
  guint32           n;
  gboolean          done;     /* judged; under Shares.lock */
  gboolean          queued;   /* waiting in Shares.queue */
  GArray           *blocks;   /* PtAllocBlock */
  GArray           *full;     /* gint: whole units of each line */
  GArray           *codes;    /* PtCodeUnits: the engine's answer for one visit */
  GArray           *tied;     /* guint: the codes of its tie */
  GArray           *lines;    /* PtAuditLine of every visit of the share, one after another */
  GArray           *judged;   /* Judged */
  char              pad[64];  /* keeps the next judge of the ring off these cache lines */
} Judge;

static void
clear_judged (gpointer data)
{
  g_clear_pointer (&((Judged *) data)->error, g_free);
}

static void
judge_init (Judge         *j,
            const PtAudit *audit)
{
  memset (j, 0, sizeof *j);
  j->visits = audit->visits;
  j->entries = audit->codes;
  j->n_visits = audit->n_visits;
  j->method = audit->method;
  j->billed = pt_audit_has_billed (audit);
  j->blocks = g_array_new (FALSE, TRUE, sizeof (PtAllocBlock));
  j->full = g_array_new (FALSE, TRUE, sizeof (gint));
  j->codes = g_array_new (FALSE, TRUE, sizeof (PtCodeUnits));
  j->tied = g_array_new (FALSE, TRUE, sizeof (guint));
  j->lines = g_array_new (FALSE, TRUE, sizeof (PtAuditLine));
  j->judged = g_array_new (FALSE, TRUE, sizeof (Judged));
  g_array_set_clear_func (j->judged, clear_judged);
}

static void
judge_clear (Judge *j)
{
  g_array_unref (j->blocks);
  g_array_unref (j->full);
  g_array_unref (j->codes);
  g_array_unref (j->tied);
  g_array_unref (j->lines);
  g_array_unref (j->judged);
}

/* Among the valid allocations of a tie (which @units of the tied codes carry
 * a leftover unit on top of their @full units), the one closest to the bill:
 * codes billed above their whole units get the leftover units first, then the
 * engine's order. */
static void
settle_tie (PtAuditLine *lines,
            const gint  *full,
            const guint *tied,
            guint        n_tied,
            gint         units)
{
  gint left = units;

  for (guint k = 0; k < n_tied; k++)
    lines[tied[k]].expected = full[tied[k]];

  for (guint k = 0; k < n_tied && left > 0; k++)
    {
      PtAuditLine *l = &lines[tied[k]];

      if (l->billed > l->expected)
        {
          l->expected++;
          left--;
        }
    }

  for (guint k = 0; k < n_tied && left > 0; k++)
    {
      PtAuditLine *l = &lines[tied[k]];

      if (l->expected == full[tied[k]])
        {
          l->expected++;
          left--;
        }
    }
}

/* The engine's units for @lines, with ties settled toward the bill. FALSE
 * when the engine refuses the visit. */
static gboolean
expect_units (Judge        *j,
              PtAuditLine  *lines,
              guint         n,
              gboolean      billed,
              gboolean     *tie,
              GError      **error)
{
  PtAllocInput input = { 0 };
  PtAllocBlock *blocks;
  PtCodeUnits *codes;
  PtTie result_tie;
  guint n_codes;
  gint *full;

  /* Room for @n of each; their contents are set below or by the engine. */
  if (j->blocks->len < n)
    {
      g_array_set_size (j->full, n);
      g_array_set_size (j->blocks, n);
      g_array_set_size (j->codes, n);
      g_array_set_size (j->tied, n);
    }
  full = (gint *) (gpointer) j->full->data;
  blocks = (PtAllocBlock *) (gpointer) j->blocks->data;
  codes = (PtCodeUnits *) (gpointer) j->codes->data;

  for (guint i = 0; i < n; i++)
    {
      PtAllocBlock *block = &blocks[i];

      memset (block, 0, sizeof *block);
      memcpy (block->code, lines[i].code, PT_CODE_LEN);
      block->minutes = lines[i].minutes;
      block->timed = pt_code_default_timed (block->code);
      block->provider = PT_PROVIDER_THERAPIST;
    }

  input.method = j->method;
  input.tie_rule = PT_TIE_RULE_ENTRY_ORDER;
  input.blocks = blocks;
  input.n_blocks = n;
  input.units_only = TRUE; /* the audit needs units and ties, not the explanation */

  /* Into the judge's scratch space: no result to allocate per visit. */
  if (!pt_allocate_units (&input, codes, &n_codes, &result_tie,
                          (guint *) (gpointer) j->tied->data, error))
    return FALSE;

  /* One block per code, so the result's codes are the lines, in order. */
  g_assert (n_codes == n);
  for (guint i = 0; i < n; i++)
    {
      lines[i].expected = codes[i].units;
      full[i] = codes[i].full_units;
    }

  *tie = result_tie.n_codes > 0;
  if (billed && *tie)
    settle_tie (lines, full, result_tie.codes, result_tie.n_codes, result_tie.units);

  return TRUE;
}

/* Judges visit @index into j->lines and j->judged. */
static void
judge_visit (Judge   *j,
             guint32  index)
{
  const VisitEntry *v = &j->visits[index];
  const CodeEntry *codes = j->entries;
  g_autoptr(GError) error = NULL;
  gboolean billed = j->billed;
  Judged out = { 0 };
  PtAuditLine *lines;

  out.visit = index;
  out.first_line = j->lines->len;
  for (guint32 e = v->first; e != NONE; e = codes[e].next)
    out.n_lines++;

  /* Grow the array once and fill the lines in place, rather than append
   * each (a call and a copy per code of a million visits). */
  g_array_set_size (j->lines, out.first_line + out.n_lines);
  lines = &g_array_index (j->lines, PtAuditLine, out.first_line);
  for (guint32 e = v->first, i = 0; e != NONE; e = codes[e].next, i++)
    {
      const CodeEntry *c = &codes[e];
      PtAuditLine *line = &lines[i];

      memcpy (line->code, c->code, PT_CODE_LEN);
      memset (line->code + PT_CODE_LEN, 0, sizeof line->code - PT_CODE_LEN);
      line->minutes = c->minutes;
      line->expected = 0;
      line->billed = MIN (c->billed, (guint32) G_MAXINT);
    }

  if (!expect_units (j, lines, out.n_lines, billed, &out.tie, &error))
    {
      out.status = PT_AUDIT_STATUS_BAD;
      out.error = g_strdup (error->message);
    }
  else if (!billed)
    out.status = PT_AUDIT_STATUS_UNBILLED;
  else
    {
      for (guint i = 0; i < out.n_lines; i++)
        {
          gint64 d = (gint64) lines[i].billed - lines[i].expected;

          if (d > 0)
            out.over += d;
          else
            out.under -= d;
          out.difference += d;
        }

      if (out.over > 0 && out.under > 0)
        out.status = PT_AUDIT_STATUS_MIXED;
      else if (out.over > 0)
        out.status = PT_AUDIT_STATUS_OVER;
      else if (out.under > 0)
        out.status = PT_AUDIT_STATUS_UNDER;
      else
        out.status = PT_AUDIT_STATUS_OK;
    }

  g_array_append_val (j->judged, out);
}

static void
judge_share (Judge *j)
{
  g_array_set_size (j->lines, 0);
  g_array_set_size (j->judged, 0);

  for (guint32 i = 0; i < j->n; i++)
    judge_visit (j, j->first + i);
}

/* The shares waiting to be judged, in order, and the threads' signals. */
typedef struct {
  GMutex   lock;
  GCond    work;  /* a share is queued, or the run is over */
  GCond    done;  /* a share is judged */
  GQueue   queue; /* Judge */
  gboolean quit;
} Shares;

/* Judges @j, taken from the queue (with the lock held), and says so. */
static void
judge_queued (Shares *shares,
              Judge  *j)
{
  j->queued = FALSE;
  g_mutex_unlock (&shares->lock);

  judge_share (j);

  g_mutex_lock (&shares->lock);
  j->done = TRUE;
  g_cond_broadcast (&shares->done);
}

static gpointer
judge_thread (gpointer data)
{
  Shares *shares = data;

  g_mutex_lock (&shares->lock);
  for (;;)
    {
      Judge *j = g_queue_pop_head (&shares->queue);

      if (j != NULL)
        judge_queued (shares, j);
      else if (shares->quit)
        break;
      else
        g_cond_wait (&shares->work, &shares->lock);
    }
  g_mutex_unlock (&shares->lock);

  return NULL;
}

/* Gives @j the next share of visits, from @next, to judge on the threads
 * (or here, without any). Returns where the share after it starts. */
static guint32
start_share (Judge   *j,
             guint32  next,
             Shares  *shares)
{
  j->first = next;
  j->n = MIN (SHARE, j->n_visits - next);
  j->done = FALSE;

  if (shares == NULL)
    {
      judge_share (j);
      j->done = TRUE;
    }
  else
    {
      g_mutex_lock (&shares->lock);
      j->queued = TRUE;
      g_queue_push_tail (&shares->queue, j);
      g_cond_signal (&shares->work);
      g_mutex_unlock (&shares->lock);
    }

  return next + j->n;
}

/* Waits until @j is judged, judging queued shares meanwhile (@j first,
 * when it has not started). */
static void
finish_share (Judge  *j,
              Shares *shares)
{
  if (shares == NULL)
    return;

  g_mutex_lock (&shares->lock);
  while (!j->done)
    {
      Judge *other = j->queued ? j : g_queue_peek_head (&shares->queue);

      if (other != NULL)
        {
          g_queue_remove (&shares->queue, other);
          judge_queued (shares, other);
        }
      else
        g_cond_wait (&shares->done, &shares->lock);
    }
  g_mutex_unlock (&shares->lock);
}

/* Counts a judged visit and hands it out. */
static gboolean
emit (PtAudit          *audit,
      const Judge      *j,
      const Judged     *out,
      PtAuditVisitFunc  func,
      gpointer          user_data)
{
  PtAuditSummary *s = &audit->summary;
  PtAuditVisit visit = { 0 };

  visit.visit_id = audit->arena + audit->visits[out->visit].id;
  visit.method = audit->method;
  visit.status = out->status;
  visit.lines = &g_array_index (j->lines, PtAuditLine, out->first_line);
  visit.n_lines = out->n_lines;
  visit.units_difference = out->difference;
  visit.tie = out->tie;
  visit.error = out->error;

  switch (out->status)
    {
    case PT_AUDIT_STATUS_OK:
      s->ok++;
      break;
    case PT_AUDIT_STATUS_OVER:
      s->over++;
      break;
    case PT_AUDIT_STATUS_UNDER:
      s->under++;
      break;
    case PT_AUDIT_STATUS_MIXED:
      s->mixed++;
      break;
    case PT_AUDIT_STATUS_UNBILLED:
      s->unbilled++;
      break;
    case PT_AUDIT_STATUS_BAD:
    default:
      s->bad_visits++;
      report (audit, 0, _("visit “%s”: %s"), visit.visit_id, out->error);
      break;
    }
  s->units_over += out->over;
  s->units_under += out->under;

  return func == NULL || func (&visit, user_data);
}

/* Judges every visit, hands each to @func (may be NULL) in the order the
 * visits first appeared, and fills the summary. FALSE when @func stopped the
 * run. */
gboolean
pt_audit_run (PtAudit          *audit,
              PtAuditVisitFunc  func,
              gpointer          user_data)
{
  PtAuditSummary *s = &audit->summary;
  guint n_ring = 1;
  guint n_threads = 0;
  GThread *threads[MAX_THREADS];
  Judge *ring;
  Shares shares_data;
  Shares *shares = NULL;
  guint32 next = 0;
  gboolean go_on = TRUE;

  s->visits = audit->n_visits;
  s->ok = s->over = s->under = s->mixed = s->unbilled = s->bad_visits = 0;
  s->units_over = s->units_under = 0;

  /* One thread per processor besides this one, which judges too. */
  if (audit->n_visits >= MIN_PARALLEL)
    n_threads = CLAMP (g_get_num_processors (), 1, MAX_THREADS) - 1;

  if (n_threads > 0)
    {
      shares = &shares_data;
      g_mutex_init (&shares->lock);
      g_cond_init (&shares->work);
      g_cond_init (&shares->done);
      g_queue_init (&shares->queue);
      shares->quit = FALSE;
      n_ring = (n_threads + 1) * SHARES_PER_THREAD;
    }

  ring = g_new (Judge, n_ring);
  for (guint k = 0; k < n_ring; k++)
    judge_init (&ring[k], audit);

  for (guint t = 0; t < n_threads; t++)
    threads[t] = g_thread_new ("pt-audit-judge", judge_thread, shares);

  /* The first shares, one to each judge of the ring. */
  for (guint k = 0; k < n_ring && next < audit->n_visits; k++)
    next = start_share (&ring[k], next, shares);

  for (guint k = 0; go_on; k = (k + 1) % n_ring)
    {
      Judge *j = &ring[k];

      if (j->n == 0)
        break; /* past the last visit */

      finish_share (j, shares);
      for (guint i = 0; go_on && i < j->judged->len; i++)
        go_on = emit (audit, j, &g_array_index (j->judged, Judged, i), func, user_data);

      j->n = 0;
      if (go_on && next < audit->n_visits)
        next = start_share (j, next, shares);
    }

  if (shares != NULL)
    {
      /* When @func stopped the run, the shares still queued are dropped and
       * those being judged are waited for. */
      g_mutex_lock (&shares->lock);
      g_queue_clear (&shares->queue);
      shares->quit = TRUE;
      g_cond_broadcast (&shares->work);
      g_mutex_unlock (&shares->lock);
      for (guint t = 0; t < n_threads; t++)
        g_thread_join (threads[t]);

      g_mutex_clear (&shares->lock);
      g_cond_clear (&shares->work);
      g_cond_clear (&shares->done);
    }
  for (guint k = 0; k < n_ring; k++)
    judge_clear (&ring[k]);
  g_free (ring);

  return go_on;
}
