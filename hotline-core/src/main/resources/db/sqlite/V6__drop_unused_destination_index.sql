-- V6: the index of ticket_destination by destination is dropped. The tickets' destination filter asks, for each
-- ticket in creation order, whether it has that destination (the table's primary key answers it), so the index
-- was never read; it was one more B-tree written by every referral opened (about 2 of the 25 pages of WAL that
-- an opening commits).
DROP INDEX ticket_destination_by_destination;
