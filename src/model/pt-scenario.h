/* pt-scenario.h: one teaching scenario: a visit and the answer it teaches */
#pragma once

#include <gio/gio.h>

#include "pt-visit.h"

G_BEGIN_DECLS

#define PT_TYPE_SCENARIO (pt_scenario_get_type ())

G_DECLARE_FINAL_TYPE (PtScenario, pt_scenario, PT, SCENARIO, GObject)

/* The most units one code can reach in a day (1440 minutes). */
#define PT_SCENARIO_MAX_UNITS (PT_MAX_MINUTES / 15)
/* The longest id a scenario may have. */
#define PT_SCENARIO_ID_MAX 64

/* The units a scenario teaches for one code under one method. */
typedef struct {
  char code[PT_CODE_BUF];
  gint units;
} PtScenarioUnits;

/* How many of a code's units carry the assistant modifier (CMS). */
typedef struct {
  char code[PT_CODE_BUF];
  gint units;       /* units billed with the modifier */
  char modifier[4]; /* "CQ" (PT) or "CO" (OT) */
} PtScenarioModifier;

/* The documented tags of the built-in library (data/scenarios/README.md). */
extern const char * const pt_scenario_known_tags[];

gboolean            pt_scenario_id_is_valid          (const char         *id);
const char         *pt_scenario_tag_label            (const char         *tag);

PtScenario         *pt_scenario_new                  (const char         *id,
                                                      const char         *title,
                                                      PtVisit            *visit);
PtScenario         *pt_scenario_copy                 (PtScenario         *self,
                                                      const char         *id);
const char         *pt_scenario_get_id               (PtScenario         *self);
const char         *pt_scenario_get_title            (PtScenario         *self);
void                pt_scenario_set_title            (PtScenario         *self,
                                                      const char         *title);
const char         *pt_scenario_get_summary          (PtScenario         *self);
void                pt_scenario_set_summary          (PtScenario         *self,
                                                      const char         *summary);
const char * const *pt_scenario_get_tags             (PtScenario         *self);
void                pt_scenario_set_tags             (PtScenario         *self,
                                                      const char * const *tags);
gboolean            pt_scenario_has_tag              (PtScenario         *self,
                                                      const char         *tag);
const char * const *pt_scenario_get_teaching_points  (PtScenario         *self);
void                pt_scenario_set_teaching_points  (PtScenario         *self,
                                                      const char * const *points);
PtVisit            *pt_scenario_get_visit            (PtScenario         *self);
void                pt_scenario_set_visit            (PtScenario         *self,
                                                      PtVisit            *visit);
gboolean            pt_scenario_get_builtin          (PtScenario         *self);
void                pt_scenario_set_builtin          (PtScenario         *self,
                                                      gboolean            builtin);
const char         *pt_scenario_get_codes            (PtScenario         *self);

gint                pt_scenario_get_expected_units   (PtScenario         *self,
                                                      PtMethod            method,
                                                      const char         *code);
const PtScenarioUnits *pt_scenario_get_expected      (PtScenario         *self,
                                                      PtMethod            method,
                                                      guint              *n_codes);
gint                pt_scenario_get_expected_total   (PtScenario         *self,
                                                      PtMethod            method);
void                pt_scenario_set_expected_units   (PtScenario         *self,
                                                      PtMethod            method,
                                                      const char         *code,
                                                      gint                units);
void                pt_scenario_clear_expected       (PtScenario         *self,
                                                      PtMethod            method);

const PtScenarioModifier *pt_scenario_get_expected_modifiers (PtScenario *self,
                                                              guint      *n_codes);
const PtScenarioModifier *pt_scenario_get_expected_modifier  (PtScenario *self,
                                                              const char *code);
void                pt_scenario_set_expected_modifier (PtScenario        *self,
                                                       const char        *code,
                                                       gint               units,
                                                       const char        *modifier);

const char         *pt_scenario_get_search_text      (PtScenario         *self);
gboolean            pt_scenario_matches              (PtScenario         *self,
                                                      const char         *query,
                                                      const char         *tag);

G_END_DECLS
