import { graphql } from './gql';

// Every operation the app sends, in one place: `npm run codegen` types them (web/src/gql/) and
// lists their hashes in web/src/gql/persisted-documents.json, the app's trusted documents.

export const MeQuery = graphql(`
  query WebMe {
    me {
      id
      displayName
      role
      partner {
        id
        name
      }
    }
  }
`);

export const MyCasesQuery = graphql(`
  query WebMyCases($first: Int!, $after: String, $filter: CaseFilter) {
    cases(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          reference
          title
          status
          riskLevel
          openedAt
          leadPartner {
            id
            name
          }
        }
      }
    }
  }
`);

export const CaseViewQuery = graphql(`
  query WebCaseView($id: ID!) {
    case(id: $id) {
      id
      reference
      title
      summary
      status
      riskLevel
      openedAt
      leadPartner {
        id
        name
      }
      partners {
        id
        name
      }
      people {
        role
        vulnerabilities
        person {
          id
          givenName
          familyName
          dateOfBirth
          policeRecords {
            id
            owner {
              name
            }
            warningsSummary
            nominalReference
            intelligence
          }
          housingRecords {
            id
            owner {
              name
            }
            tenancyReference
            tenancyType
            tenancyBreaches
            officerNotes
          }
          mentalHealthRecords {
            id
            owner {
              name
            }
            knownToServices
            careContact
            riskSummary
            clinicalNotes
          }
          drugAlcoholRecords {
            id
            owner {
              name
            }
            engagedInTreatment
            keyWorkerContact
            treatmentDetail
          }
        }
      }
      incidents {
        id
        occurredAt
        category
        description
        hateIncident
      }
      jointVisits {
        id
        visitedAt
        purpose
        outcome
      }
      supportOffers {
        id
        kind
        offeredAt
        response
        details
        offeredBy {
          name
        }
        person {
          givenName
          familyName
        }
      }
      osara {
        stage
        objective
        objectiveTargetDate
        scanning
        analysis
        response
        assessment
        missingBeforeNextStage
      }
      actions {
        id
        title
        dueDate
        status
        overdue
        assignedPartner {
          name
        }
      }
      interventions {
        id
        kind
        status
        issuedAt
        appealDeadline
      }
    }
  }
`);

export const CaseReviewAlertsQuery = graphql(`
  query WebCaseReviewAlerts($caseId: ID) {
    caseReviewAlerts(caseId: $caseId) {
      id
      route
      status
      raisedAt
      incidentCount
      windowStart
      windowEnd
      case {
        id
        reference
      }
    }
  }
`);

export const RecordIncidentMutation = graphql(`
  mutation WebRecordIncident($input: RecordIncidentInput!) {
    recordIncident(input: $input) {
      attachedToExistingIncident
      incident {
        id
        occurredAt
        category
      }
    }
  }
`);

export const RecordJointVisitMutation = graphql(`
  mutation WebRecordJointVisit($input: RecordJointVisitInput!) {
    recordJointVisit(input: $input) {
      id
      visitedAt
    }
  }
`);

export const RecordSupportOfferMutation = graphql(`
  mutation WebRecordSupportOffer($input: RecordSupportOfferInput!) {
    recordSupportOffer(input: $input) {
      id
      offeredAt
    }
  }
`);

export const NotificationAddedSubscription = graphql(`
  subscription WebNotificationAdded {
    notificationAdded {
      id
      kind
      summary
      caseId
      occurredAt
    }
  }
`);
